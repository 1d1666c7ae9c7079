using Cybercrime.Standalone.Year2020;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary><c>dotnet run --project deploy/Standalone -- --Demo:Year 2020</c>: the whole year recorded on first start, its progress and the report's figures shown.</summary>
[Collection(DataSet2020Tests.Collection)]
public sealed class StandaloneYear2020Tests(StandaloneHost2020 host) : IClassFixture<StandaloneHost2020>
{
    [Fact]
    public async Task It_records_the_year_2020_showing_progress_and_reporting_shows_every_figure_of_the_report()
    {
        await Eventually.Until(() => Task.FromResult(host.Process.Output.Contains("Every figure of the 2020 report", StringComparison.Ordinal)),
            TimeSpan.FromMinutes(3), $"the host to say every figure came out; it said:\n{host.Process.Output}");
        using var api = YearApi.Create();

        var figures = await Figures2020.ReadAsync(api, host.Process.BaseAddress, TestContext.Current.CancellationToken);

        Assert.All(figures.All, f => Assert.True(f.Actual == f.Figure.Expected, $"{f.Figure.Says}: {f.Actual}, not {f.Figure.Expected}"));
        foreach (var line in new[] { "training   GUA:", "training   VIE:", "evidence ", "awareness ", "expert ", "recorded in", "2,440  criminal-justice practitioners trained" })
        {
            Assert.Contains(line, host.Process.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Demo year recorded", host.Process.Output, StringComparison.Ordinal); // not the small demo as well
    }
}
