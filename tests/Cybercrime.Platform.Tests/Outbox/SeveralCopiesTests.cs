using System.Collections.Concurrent;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Outbox;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Sqlite;
using Cybercrime.Platform.Tests.Storage;
using Cybercrime.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cybercrime.Platform.Tests.Outbox;

/// <summary>Three copies of a service, each with its own dispatcher, over one SQLite store.</summary>
public sealed class SeveralCopiesTests : IAsyncDisposable
{
    private const int Events = 10_000;
    private readonly string _folder = Directory.CreateTempSubdirectory("cybercrime-copies-").FullName;
    private readonly Published _published = new();

    [Fact]
    public async Task Three_copies_publish_each_event_once()
    {
        var path = Path.Combine(_folder, "copies.db");
        await using var provider = InMemoryBus(_published);
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync(TestContext.Current.CancellationToken);
        var copies = new List<SqliteDocumentStore>();
        for (var i = 0; i < 3; i++)
        {
            var store = new SqliteDocumentStore("copies", path, [Widget.Definition], writeDeadline: TimeSpan.FromMinutes(1));
            await store.InitializeAsync(TestContext.Current.CancellationToken);
            copies.Add(store);
        }

        var writer = copies[0].Collection<Widget>();
        foreach (var chunk in Enumerable.Range(0, Events).Chunk(500))
        {
            await Task.WhenAll(chunk.Select(i => writer.SaveAsync(Widget.Make($"w{i}"), 0, [Registered()], TestContext.Current.CancellationToken)));
        }

        using var stop = new CancellationTokenSource();
        var dispatchers = copies.Select(store => new OutboxDispatcher(store, bus, OutboxSettings.Default, NullLogger<OutboxDispatcher>.Instance)).ToList();
        await Task.WhenAll(dispatchers.Select(d => d.StartAsync(stop.Token)));
        await Eventually.Until(
            async () => (await copies[0].PendingEventsAsync(1, TestContext.Current.CancellationToken)).Count == 0, TimeSpan.FromMinutes(3), "an empty outbox");
        await Eventually.Until(() => Task.FromResult(_published.Distinct >= Events), TimeSpan.FromSeconds(30), "every event consumed");
        await Task.WhenAll(dispatchers.Select(d => d.StopAsync(CancellationToken.None)));
        await bus.StopAsync(CancellationToken.None);
        foreach (var copy in copies)
        {
            await copy.DisposeAsync();
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{Events} events, 3 copies: {_published.Total} published, {_published.Total - Events} duplicates");
        Assert.Equal(Events, _published.Distinct);
        Assert.Equal(Events, _published.Total);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static ServiceProvider InMemoryBus(Published published)
    {
        var services = new ServiceCollection();
        services.AddSingleton(published);
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<Counting>();
            bus.UsingInMemory((context, cfg) =>
            {
                // MassTransit's JSON options are one static for the whole process. Without the contract
                // conventions here, an event written while they were the defaults (enums as numbers) could be
                // read after a test running beside this one set them (enums as kebab-case names), fault, and
                // never be counted: the flake CI once met.
                cfg.ConfigureJsonSerializerOptions(ContractJson.Configure);
                cfg.ConfigureEndpoints(context);
            });
        });
        return services.BuildServiceProvider();
    }

    private static ParticipantRegistered Registered() => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "GUA", Guid.NewGuid(), 1,
        new ParticipationSnapshot(Guid.NewGuid(), Guid.NewGuid(), Gender.Female, "GTM", AgencyType.Prosecution, null, EnrolmentStatus.Registered));

    private sealed class Published
    {
        private readonly ConcurrentDictionary<Guid, int> _times = new();

        public int Distinct => _times.Count;

        public int Total => _times.Values.Sum();

        public void Add(Guid eventId) => _times.AddOrUpdate(eventId, 1, (_, n) => n + 1);
    }

    private sealed class Counting(Published published) : IConsumer<ParticipantRegistered>
    {
        public Task Consume(ConsumeContext<ParticipantRegistered> context)
        {
            published.Add(context.Message.EventId);
            return Task.CompletedTask;
        }
    }
}
