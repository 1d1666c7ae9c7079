using System.Diagnostics;
using Cybercrime.Operations;
using Cybercrime.Standalone.Year2020;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// The 2020 data set recorded through the APIs of five separate service processes over the real RabbitMQ,
/// as the offices, the secretariat and headquarters would: every figure of the report to the Commission
/// comes out exact in reporting's summaries and in the annual report, and again once the operations
/// command has rebuilt reporting from nothing.
/// </summary>
[Collection(DataSet2020Tests.Collection)]
public sealed class DataSet2020Tests : IAsyncLifetime
{
    /// <summary>The two loads of the year take turns: side by side on two cores, each would starve the other.</summary>
    public const string Collection = "the 2020 data set";

    private static readonly string[] Queues = ["reporting-training", "reporting-evidence", "reporting-awareness", "reporting-expert-group"];

    private ServiceSet _services = null!;

    public async ValueTask InitializeAsync() => _services = await ServiceSet.StartAsync("dataset-2020",
    [
        ("training", "Cybercrime.Training", null),
        ("evidence", "Cybercrime.Evidence", null),
        ("awareness", "Cybercrime.Awareness", null),
        ("expert-group", "Cybercrime.ExpertGroup", null),
    ]);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task Every_figure_of_the_2020_report_comes_out_exact_through_separate_services_and_again_after_a_rebuild()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var services = _services.Producers;
        var at = new ServiceAddresses(services["training"].BaseAddress, services["evidence"].BaseAddress, services["awareness"].BaseAddress,
            services["expert-group"].BaseAddress, _services.Reporting.BaseAddress);
        var clock = Stopwatch.StartNew();

        await DataSet2020.RecordAsync(at, output.WriteLine, TestContext.Current.CancellationToken);
        using var api = YearApi.Create();
        using var hq = await ServiceSet.ClientAsync(_services.Reporting, new { roles = new[] { "hq-reporting" } });
        var figures = await EveryFigureAsync(api, at, hq);
        output.WriteLine($"every figure in reporting {clock.Elapsed.TotalSeconds:0.0} s after recording began");

        Assert.All(figures.All, f => Assert.True(f.Actual == f.Figure.Expected, $"{f.Figure.Says}: {f.Actual}, not {f.Figure.Expected} ({f.Figure.Query} {f.Figure.Field})"));
        Assert.Equal("", await AnnualFigures2020.MismatchesAsync(hq));

        clock.Restart();
        var rebuild = new StringWriter();
        var code = await RebuildReporting.RunAsync(new Options(_services.Reporting.BaseAddress, null, TimeSpan.FromMinutes(3)), rebuild, TestContext.Current.CancellationToken);
        output.WriteLine($"rebuilt in {clock.Elapsed.TotalSeconds:0.0} s:\n{rebuild}");

        Assert.True(code == 0, rebuild.ToString());
        var rebuilt = await Figures2020.ReadAsync(api, at.Reporting, TestContext.Current.CancellationToken);
        Assert.True(rebuilt.Exact, $"after the rebuild: {rebuilt}");
        Assert.Equal("", await AnnualFigures2020.MismatchesAsync(hq));
        foreach (var queue in Queues)
        {
            Assert.Equal(0, await _services.Broker.MessagesInAsync($"{queue}_error"));
        }
    }

    private async Task<Readings> EveryFigureAsync(YearApi api, ServiceAddresses at, HttpClient hq) => (await _services.WithServiceLogsAsync(() => Eventually.Until(
        async () => (Figures: await Figures2020.ReadAsync(api, at.Reporting, TestContext.Current.CancellationToken), Annual: await AnnualFigures2020.MismatchesAsync(hq)),
        read => read.Figures.Exact && read.Annual.Length == 0,
        TimeSpan.FromMinutes(3),
        "every figure of the 2020 report in reporting's summaries and its annual report"))).Figures;
}
