using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace Cybercrime.Training.Tests;

/// <summary>A registration sent while another process holds the store's write lock is answered, not left hanging.</summary>
public sealed class LockedStoreTests : IDisposable
{
    private readonly TrainingApi _api = new() { Settings = { ["Storage:WriteTimeoutSeconds"] = "2" } };

    [Fact]
    public async Task A_registration_while_the_store_is_locked_answers_503_with_problem_details_and_stores_nothing()
    {
        var client = await _api.ClientAsync("GUA", "office-editor");
        var session = await client.PostAsJsonAsync("/training/sessions", new
        {
            title = "Digital evidence", topics = new[] { "digital-evidence" }, format = "online", languages = new[] { "es" },
            startDate = "2020-05-04", endDate = "2020-05-08",
        }, TestContext.Current.CancellationToken);
        var id = (await session.Content.ReadFromJsonAsync<Created>(TestContext.Current.CancellationToken))!.Id;
        var registration = new { participant = new { externalRef = "gua-0001", gender = "female", countryCode = "GTM", agencyType = "prosecution" } };

        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(_api.Folder, "training.db")};Pooling=false"))
        {
            await holder.OpenAsync(TestContext.Current.CancellationToken);
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

            var locked = await client.PostAsJsonAsync($"/training/sessions/{id}/registrations", registration, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
            Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
        }

        var released = await client.PostAsJsonAsync($"/training/sessions/{id}/registrations", registration, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, released.StatusCode);
        Assert.Equal(1, _api.Stored().Registrations);
    }

    public void Dispose() => _api.Dispose();

    private sealed record Created(string Id);
}
