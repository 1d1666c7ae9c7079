using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Training.Tests;

/// <summary>Operations list and replay what the training outbox set aside.</summary>
public sealed class OutboxOperationsTests : IDisposable
{
    private readonly TrainingApi _api = new();

    [Fact]
    public async Task An_unreadable_outbox_event_is_parked_listed_with_its_reason_and_replayed_by_operations()
    {
        var operations = await _api.ClientAsync(null, "operations");
        var eventId = Guid.NewGuid();
        await WriteUnreadableEventAsync(eventId);

        var parked = await Eventually.Until(
            async () => (await operations.GetFromJsonAsync<JsonArray>("/operations/outbox/training/parked", TestContext.Current.CancellationToken))!,
            list => list.Count == 1, TimeSpan.FromSeconds(30), "the unreadable event parked");
        Assert.Equal(eventId.ToString(), parked[0]!["eventId"]!.GetValue<string>());
        Assert.Contains("Cybercrime.Contracts.Training.Gone", parked[0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        var replay = await operations.PostAsync("/operations/outbox/training/replay", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, (await replay.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["replayed"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await operations.GetAsync("/operations/outbox/nowhere/parked", TestContext.Current.CancellationToken)).StatusCode);
    }

    public void Dispose() => _api.Dispose();

    /// <summary>As an event written by an older version looks once its contract type is gone.</summary>
    private async Task WriteUnreadableEventAsync(Guid eventId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_api.Folder, "training.db")};Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO outbox (collection, document_id, event_id, type, payload, created_at)
            VALUES ('sessions', 'gone', $event, 'Cybercrime.Contracts.Training.Gone', '{}', 0);
            """;
        command.Parameters.AddWithValue("$event", eventId.ToString());
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
