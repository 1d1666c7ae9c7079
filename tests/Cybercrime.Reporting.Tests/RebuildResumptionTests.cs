using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Reporting.Rebuild;
using Cybercrime.TestSupport;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Reporting.Tests;

/// <summary>
/// Reporting stopped after recording a rebuild and before asking the producers (a crash, the broker
/// down): on its next start it empties the facts and asks, so they are never left empty for good.
/// </summary>
public sealed class RebuildResumptionTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_rebuild_recorded_but_never_asked_is_completed_when_reporting_starts_again()
    {
        var folder = Directory.CreateTempSubdirectory("cybercrime-rebuild-").FullName;
        var id = Guid.NewGuid();
        try
        {
            using (var crashed = Reporting(folder))
            {
                using var hq = await crashed.ClientAsync(null, "hq-reporting");
                var session = TrainingFacts.Session(new DateOnly(2020, 10, 2), [TrainingTopic.Osint], office: "NBO");
                var ana = TrainingFacts.In(session, Guid.NewGuid(), country: "KEN");
                foreach (IIntegrationEvent e in new IIntegrationEvent[] { session, ana.Completion })
                {
                    await crashed.Services.GetRequiredService<IBus>().Publish(e, e.GetType(), TestContext.Current.CancellationToken);
                }

                await Eventually.Until(() => SummaryAsync(hq), s => s.Contains("\"practitionersTrained\":1,", StringComparison.Ordinal), Deadline, "the live events");
                await crashed.Services.GetRequiredService<IDocumentCollection<RebuildRecord>>().SaveAsync(
                    new RebuildRecord { Id = id.ToString(), StartedAt = DateTimeOffset.UtcNow, State = RebuildRecord.Requested }, 0, [], TestContext.Current.CancellationToken);
            }

            using var restarted = Reporting(folder);
            using var operations = await restarted.ClientAsync(null, "operations");
            using var again = await restarted.ClientAsync(null, "hq-reporting");
            await Eventually.Until(
                () => operations.GetFromJsonAsync<JsonObject>($"/reporting/rebuilds/{id}", TestContext.Current.CancellationToken),
                p => p!["state"]!.GetValue<string>() == RebuildRecord.Asked, Deadline, "the rebuild to be asked");
            Assert.Contains("\"practitionersTrained\":0,", await SummaryAsync(again), StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceFactory<Program> Reporting(string folder)
    {
        var factory = new ServiceFactory<Program>();
        factory.Settings["Storage:SqlitePath"] = folder;
        return factory;
    }

    private static Task<string> SummaryAsync(HttpClient hq) =>
        hq.GetStringAsync("/reporting/training/summary?year=2020&office=NBO", TestContext.Current.CancellationToken);
}
