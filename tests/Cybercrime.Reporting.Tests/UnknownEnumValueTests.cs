using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.TestSupport;
using RabbitMQ.Client;

namespace Cybercrime.Reporting.Tests;

/// <summary>
/// An event carrying an enum value this version does not know (a newer producer's) is parked at once,
/// with the value in its reason, and counts nowhere until reporting is upgraded and it is replayed
/// (docs/decisions/0010).
/// </summary>
public sealed class UnknownEnumValueTests : IAsyncLifetime
{
    private BrokerVirtualHost _broker = null!;
    private ServiceFactory<Program> _reporting = null!;

    public async ValueTask InitializeAsync()
    {
        _broker = await TestBroker.CreateVirtualHostAsync("unknown-enum");
        _reporting = new ServiceFactory<Program>
        {
            Settings = { ["Bus:Transport"] = "RabbitMq", ["ConnectionStrings:RabbitMq"] = _broker.Amqp.ToString() },
        };
        _ = _reporting.Server; // starts the bus, which declares the queue and its bindings
    }

    public async ValueTask DisposeAsync()
    {
        await _reporting.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task A_value_a_newer_producer_added_parks_the_event_without_retries_and_says_which_value()
    {
        var participation = new JsonObject
        {
            ["sessionId"] = Guid.NewGuid(), ["participantId"] = Guid.NewGuid(), ["gender"] = "female", ["countryCode"] = "GTM",
            ["agencyType"] = "cyber-police", ["role"] = null, ["status"] = "completed",
        };
        await PublishAsync(EventNames.Of(typeof(ParticipantCompleted)), new JsonObject
        {
            ["eventId"] = Guid.NewGuid(), ["occurredAt"] = "2020-05-08T12:00:00+00:00", ["office"] = "GUA",
            ["registrationId"] = Guid.NewGuid(), ["version"] = 3, ["participation"] = participation,
        });

        await Eventually.Until(async () => await _broker.MessagesInAsync("reporting-training_error") == 1, TimeSpan.FromSeconds(60), "the event to be parked");

        var operations = await _reporting.ClientAsync(null, "operations");
        var parked = (await operations.GetFromJsonAsync<JsonArray>("/operations/parked/reporting-training", TestContext.Current.CancellationToken))!;
        var entry = parked.Single()!;
        Assert.StartsWith("'cyber-police' is not one of: central-bank,", entry["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(typeof(UnknownEnumValueException).FullName, entry["exceptionType"]!.GetValue<string>());
        var headers = (await _broker.PeekAsync("reporting-training_error"))!["properties"]!["headers"]!.AsObject();
        Assert.False(headers.ContainsKey("MT-Fault-RetryCount"), headers.ToJsonString());
    }

    private async Task PublishAsync(string eventName, JsonObject message)
    {
        var envelope = new JsonObject
        {
            ["messageId"] = Guid.NewGuid(),
            ["messageType"] = new JsonArray($"urn:message:{eventName}"),
            ["message"] = message,
        };
        await using var connection = await new ConnectionFactory { Uri = _broker.Amqp }.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), TestContext.Current.CancellationToken);
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync(eventName, "", mandatory: true, properties, Encoding.UTF8.GetBytes(envelope.ToJsonString()), TestContext.Current.CancellationToken);
    }
}
