using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Evidence;
using Cybercrime.TestSupport;
using Microsoft.Data.Sqlite;
using RabbitMQ.Client;

namespace Cybercrime.Evidence.Tests;

/// <summary>
/// Two copies of the service, as separate processes over one SQLite store and a real RabbitMQ, both
/// watching for overdue requests every 100 ms: every request's overdue event is raised exactly once.
/// </summary>
public sealed class TwoCopiesOverdueTests : IAsyncLifetime
{
    private const int Overdue = 150;
    private const string Tap = "test-overdue-tap";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-evidence-copies-").FullName;
    private BrokerVirtualHost _broker = null!;
    private ServiceProcess _first = null!;
    private ServiceProcess _second = null!;

    public async ValueTask InitializeAsync()
    {
        _broker = await TestBroker.CreateVirtualHostAsync("evidence-copies");
        await using (var connection = await new ConnectionFactory { Uri = _broker.Amqp }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync(EventNames.Of(typeof(EvidenceRequestOverdue)), ExchangeType.Fanout, durable: true);
            await channel.QueueDeclareAsync(Tap, durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(Tap, EventNames.Of(typeof(EvidenceRequestOverdue)), routingKey: "");
        }

        // One deployment: the same secrets and the same store for both copies.
        var settings = new Dictionary<string, string>(TestSecrets.Environment())
        {
            ["Bus__Transport"] = "RabbitMq",
            ["ConnectionStrings__RabbitMq"] = _broker.Amqp.ToString(),
            ["Storage__Provider"] = "Sqlite",
            ["Storage__SqlitePath"] = _folder,
            ["Evidence__OverdueCheckSeconds"] = "0.1",
        };
        _first = await ServiceProcess.StartAsync("Cybercrime.Evidence", settings);
        _second = await ServiceProcess.StartAsync("Cybercrime.Evidence", settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _broker.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Each_request_past_its_due_date_is_flagged_overdue_exactly_once_by_two_copies_watching_one_store()
    {
        using var office = new HttpClient { BaseAddress = _first.BaseAddress };
        var token = await office.PostAsJsonAsync("/dev/token", new { office = "GUA", roles = new[] { "office-editor" } }, TestContext.Current.CancellationToken);
        office.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>());
        var csv = new StringBuilder("requestingCountry,requestingAgency,provider,state,requestType,crimeCategory,priority,caseReference,submittedOn\n");
        for (var i = 0; i < Overdue; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"GTM,prosecution,tiktok,,subscriber-information,ocsea,standard,GUA-{i},2020-0{1 + (i % 9)}-15\n");
        }

        // Recorded in one commit: both copies find every request due at their next look.
        (await office.PostAsync("/evidence/requests/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();

        await Eventually.Until(() => Task.FromResult(OverdueSteps().Count == Overdue && PendingEvents() == 0), Deadline, "every request flagged and its events published");
        var tapped = await Eventually.Until(() => _broker.MessagesInAsync(Tap), n => n >= Overdue, Deadline, $"{Overdue} overdue events on the broker");

        Assert.All(OverdueSteps(), steps => Assert.Equal(1, steps));
        Assert.Equal(Overdue, tapped);
        Assert.Equal(Overdue, await DistinctTappedRequestsAsync());
        Assert.False(_first.HasExited || _second.HasExited);
    }

    /// <summary>Each stored request's count of overdue steps in its history.</summary>
    private List<int> OverdueSteps()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "evidence.db")};Default Timeout=30");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM json_each(body, '$.history') WHERE json_extract(value, '$.what') = 'overdue') FROM requests";
        using var reader = command.ExecuteReader();
        var counts = new List<int>();
        while (reader.Read())
        {
            if (reader.GetInt32(0) > 0)
            {
                counts.Add(reader.GetInt32(0));
            }
        }

        return counts;
    }

    private long PendingEvents()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "evidence.db")};Default Timeout=30");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM outbox";
        return (long)command.ExecuteScalar()!;
    }

    private async Task<int> DistinctTappedRequestsAsync()
    {
        await using var connection = await new ConnectionFactory { Uri = _broker.Amqp }.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var requests = new HashSet<string>(StringComparer.Ordinal);
        while (await channel.BasicGetAsync(Tap, autoAck: true, TestContext.Current.CancellationToken) is { } message)
        {
            using var envelope = JsonDocument.Parse(message.Body);
            requests.Add(envelope.RootElement.GetProperty("message").GetProperty("requestId").GetString()!);
        }

        return requests.Count;
    }
}
