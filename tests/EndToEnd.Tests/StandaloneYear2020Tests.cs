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
        foreach (var line in new[] { "training   GUA:", "training   VIE:", "evidence ", "awareness ", "expert ", "recorded in", "2,440  criminal-justice practitioners trained",
            "1  Expert Group meeting held", "yes  the sixth meeting, hybrid", $"yes  document {ExpertGroupPlan.Symbol} published", "expert-group/summary?year=2020  documents.0.symbol" })
        {
            Assert.Contains(line, host.Process.Output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Demo year recorded", host.Process.Output, StringComparison.Ordinal); // not the small demo as well
    }
}

/// <summary><c>--Demo:Year</c> refuses, in one line and with exit code 1, a year it cannot record and a data folder holding other records.</summary>
public sealed class StandaloneYearRefusalTests
{
    [Theory]
    [InlineData("2021")]
    [InlineData("abc")]
    public async Task A_year_other_than_2020_is_refused_in_one_line_with_exit_code_1(string year)
    {
        var data = Directory.CreateTempSubdirectory("cybercrime-year-").FullName;
        try
        {
            await using var host = await ServiceProcess.RunToExitAsync("Cybercrime.Standalone",
                new Dictionary<string, string> { ["Storage__SqlitePath"] = data, ["Demo__Year"] = year }, TimeSpan.FromSeconds(60), Path.Combine("deploy", "Standalone"));

            Assert.True(host.ExitCode == 1, $"exit code {host.ExitCode}:\n{host.Output}");
            Assert.Contains($"--Demo:Year {year}: only the year 2020 can be recorded", host.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_data_folder_holding_other_records_is_refused_up_front_and_nothing_is_recorded()
    {
        var data = Directory.CreateTempSubdirectory("cybercrime-year-").FullName;
        var stopping = TestContext.Current.CancellationToken;
        try
        {
            await using (var first = await ServiceProcess.StartAsync("Cybercrime.Standalone",
                new Dictionary<string, string> { ["Storage__SqlitePath"] = data, ["Demo__Seed"] = "false" }, directory: Path.Combine("deploy", "Standalone")))
            {
                using var api = YearApi.Create();
                await api.PostAsync(first.BaseAddress, "GUA", "office-editor", "/training/sessions", new
                {
                    title = "Requesting digital evidence", topics = new[] { "digital-evidence" }, format = "online", languages = new[] { "es" },
                    startDate = "2020-09-14", endDate = "2020-09-18", trainTheTrainer = false,
                }, stopping);
            }

            await using var host = await ServiceProcess.RunToExitAsync("Cybercrime.Standalone",
                new Dictionary<string, string> { ["Storage__SqlitePath"] = data, ["Demo__Year"] = "2020" }, TimeSpan.FromSeconds(60), Path.Combine("deploy", "Standalone"));

            Assert.True(host.ExitCode == 1, $"exit code {host.ExitCode}:\n{host.Output}");
            Assert.Contains("holds other records: give --Demo:Year 2020 an empty --Storage:SqlitePath", host.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Recording the year 2020", host.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
