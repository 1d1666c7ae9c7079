using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.TestSupport;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Reporting.Tests;

/// <summary>Events that arrive while another process holds reporting's store lock are counted once it lets go, without a restart.</summary>
public sealed class LockedStoreConsumerTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private BrokerVirtualHost _broker = null!;
    private ServiceFactory<Program> _reporting = null!;
    private HttpClient _hq = null!;

    public async ValueTask InitializeAsync()
    {
        _broker = await TestBroker.CreateVirtualHostAsync("locked");
        _reporting = new ServiceFactory<Program>
        {
            Settings =
            {
                ["Bus:Transport"] = "RabbitMq",
                ["ConnectionStrings:RabbitMq"] = _broker.Amqp.ToString(),
                ["Storage:WriteTimeoutSeconds"] = "2",
            },
        };
        _hq = await _reporting.ClientAsync(null, "hq-reporting");
    }

    public async ValueTask DisposeAsync()
    {
        await _reporting.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Events_consumed_while_the_store_is_locked_are_counted_once_it_is_released()
    {
        var session = TrainingFacts.Session(new DateOnly(2020, 9, 30), [TrainingTopic.Cryptocurrency]);
        IIntegrationEvent[] events = [session, .. Enumerable.Range(0, 5).Select(_ => TrainingFacts.In(session, Guid.NewGuid()).Registration)];

        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(_reporting.Folder, "reporting.db")};Pooling=false"))
        {
            await holder.OpenAsync(TestContext.Current.CancellationToken);
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

            var bus = _reporting.Services.GetRequiredService<IBus>();
            foreach (var e in events)
            {
                await bus.Publish(e, e.GetType(), context => context.MessageId = e.EventId, TestContext.Current.CancellationToken);
            }

            // The broker's statistics show them held by the consumer, whose writes wait on the lock meanwhile.
            await Eventually.Until(async () => await _broker.MessagesInAsync("reporting-training") > 0, Deadline, "the events delivered to reporting");
        }

        await Eventually.Until(
            async () => (await _hq.GetFromJsonAsync<JsonObject>("/reporting/training/summary?year=2020", TestContext.Current.CancellationToken))!
                ["participations"]!.GetValue<int>() == 5,
            Deadline, "all five registrations counted");
        Assert.Equal(0, await _broker.MessagesInAsync("reporting-training_error"));
    }
}
