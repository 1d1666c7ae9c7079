using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cybercrime.TestSupport;

namespace Cybercrime.Benchmarks;

/// <summary>
/// The real thing: training and reporting as separate processes over RabbitMQ. Registrations are
/// submitted over HTTP, stored with their outbox entries, dispatched, consumed by reporting and
/// counted once they are in its read model (read straight from reporting's store, so that watching
/// adds no load to the services).
/// </summary>
internal sealed class ServicePipeline : IAsyncDisposable
{
    private const int Sessions = 100;
    private const int Concurrency = 32;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    private readonly BrokerVirtualHost _broker;
    private readonly PipelineStore _store;
    private readonly ServiceProcess _training;
    private readonly List<ServiceProcess> _reporting;
    private readonly HttpClient _client;
    private readonly List<string> _sessions;
    private int _submitted;

    private ServicePipeline(BrokerVirtualHost broker, PipelineStore store, ServiceProcess training, List<ServiceProcess> reporting, HttpClient client, List<string> sessions)
    {
        (_broker, _store, _training, _reporting, _client, _sessions) = (broker, store, training, reporting, client, sessions);
    }

    public static async Task<ServicePipeline> StartAsync(int reportingProcesses, PipelineStore store)
    {
        var broker = await TestBroker.CreateVirtualHostAsync("bench");
        var training = await ServiceProcess.StartAsync("Cybercrime.Training", Settings(broker, store, "training"));
        var reporting = new List<ServiceProcess>();
        for (var i = 0; i < reportingProcesses; i++)
        {
            // Every copy shares one store and competes for the same queue.
            reporting.Add(await ServiceProcess.StartAsync("Cybercrime.Reporting", Settings(broker, store, "reporting")));
        }

        var client = new HttpClient { BaseAddress = training.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var token = await client.PostAsJsonAsync("/dev/token", new { office = "GUA", roles = new[] { "office-editor" } });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        var sessions = new List<string>();
        for (var i = 0; i < Sessions; i++)
        {
            var created = await client.PostAsJsonAsync("/training/sessions", new
            {
                title = $"Session {i}",
                topics = new[] { "digital-evidence" },
                format = "online",
                languages = new[] { "es" },
                startDate = "2020-05-04",
                endDate = "2020-05-08",
            });
            sessions.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        var pipeline = new ServicePipeline(broker, store, training, reporting, client, sessions);
        await pipeline.WaitUntilVisibleAsync(0);
        return pipeline;
    }

    /// <summary>Submits <paramref name="count"/> registrations as fast as <see cref="Concurrency"/> clients can; events per second until the last is visible.</summary>
    public async Task<Round> ThroughputAsync(int count)
    {
        var start = _submitted;
        var cpu = CpuTime.Start("load generator", ("training", () => _training.ProcessorTime),
            ("reporting", () => _reporting.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.ProcessorTime)));
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (_, _) => await SubmitAsync());
        await WaitUntilVisibleAsync(start + count);
        return new Round(count / clock.Elapsed.TotalSeconds, cpu.PerItem(count));
    }

    /// <summary>
    /// Offers <paramref name="rate"/> registrations a second for <paramref name="duration"/>, each sent on
    /// schedule whatever the others are doing; the k-th event's latency runs from the k-th submission
    /// to the moment the read model first holds k more events.
    /// </summary>
    public async Task<IReadOnlyList<double>> LatenciesAsync(double rate, TimeSpan duration)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var start = _submitted;
        var visibleAt = new List<(TimeSpan At, long Count)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                visibleAt.Add((clock.Elapsed, await VisibleAsync() - start));
                await Task.Delay(Poll);
            }
        });

        var sentAt = new TimeSpan[count];
        var sends = new List<Task>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var due = TimeSpan.FromSeconds(i / rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                sentAt[i] = clock.Elapsed;
                sends.Add(SubmitAsync());
            }

            await Task.WhenAll(sends);
            await WaitUntilVisibleAsync(start + count);
        }
        finally
        {
            // Also when a submission failed: the watcher must not hold the store open while it is cleaned up.
            await stop.CancelAsync();
            await watching;
        }
        visibleAt.Add((clock.Elapsed, await VisibleAsync() - start));
        return [.. Enumerable.Range(1, count).Select(k => (visibleAt.First(v => v.Count >= k).At - sentAt[k - 1]).TotalMilliseconds)];
    }

    /// <summary>
    /// Submits <paramref name="count"/> registrations with reporting stopped, so they wait in its queue,
    /// then starts <paramref name="processes"/> reporting processes and measures how fast they drain it.
    /// Returns events per second and whether the read model ended exactly at the count.
    /// </summary>
    public async Task<(double PerSecond, bool Exact)> DrainAsync(int count, int processes)
    {
        foreach (var reporting in _reporting)
        {
            await reporting.DisposeAsync();
        }

        _reporting.Clear();
        var start = _submitted;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (_, _) => await SubmitAsync());
        await WaitForAsync(async () => await TrainingOutboxAsync() == 0, "training to dispatch every event");

        var starting = new List<Task<ServiceProcess>>();
        for (var i = 0; i < processes; i++)
        {
            starting.Add(ServiceProcess.StartAsync("Cybercrime.Reporting", Settings(_broker, _store, "reporting")));
        }

        var first = (At: TimeSpan.Zero, Count: -1L);
        var clock = Stopwatch.StartNew();
        var drained = Task.WhenAll(starting);
        while (await VisibleAsync() is var visible && visible < start + count)
        {
            if (first.Count < 0 && visible > start)
            {
                first = (clock.Elapsed, visible);
            }

            await Task.Delay(Poll);
        }

        var perSecond = (start + count - first.Count) / (clock.Elapsed - first.At).TotalSeconds;
        _reporting.AddRange(await drained);
        await WaitForAsync(async () => await _broker.AcknowledgedAsync("reporting-training") >= start + count, "every message acknowledged");
        return (perSecond, await VisibleAsync() == start + count);
    }

    public IReadOnlyDictionary<string, long> PeakMemory() =>
        new Dictionary<string, long>
        {
            ["training"] = _training.PeakWorkingSet,
            ["reporting"] = _reporting.Count == 0 ? 0 : _reporting.Max(r => r.PeakWorkingSet),
        };

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _training.DisposeAsync();
        foreach (var reporting in _reporting)
        {
            await reporting.DisposeAsync();
        }

        await _broker.DisposeAsync();
        await _store.CleanUpAsync();
    }

    private async Task SubmitAsync()
    {
        var n = Interlocked.Increment(ref _submitted);
        var session = _sessions[n % _sessions.Count];
        // With a Content-Length, as browsers and most clients send it (PostAsJsonAsync would stream it chunked).
        using var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new
        {
            participant = new { externalRef = $"bench-{n}", gender = n % 2 == 0 ? "female" : "male", countryCode = "GTM", agencyType = "law-enforcement" },
        }));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await _client.PostAsync($"/training/sessions/{session}/registrations", body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Registration {n} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private Task WaitUntilVisibleAsync(long count) => WaitForAsync(async () => await VisibleAsync() >= count, $"{count} events in reporting's read model");

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(Poll);
        }
    }

    private Task<long> VisibleAsync() => _store.VisibleAsync();

    private Task<long> TrainingOutboxAsync() => _store.PendingAsync();

    private static Dictionary<string, string> Settings(BrokerVirtualHost broker, PipelineStore store, string service) => new(store.Settings(service).Concat(TestSecrets.Environment()))
    {
        ["Bus__Transport"] = "RabbitMq",
        ["ConnectionStrings__RabbitMq"] = broker.Amqp.ToString(),
        ["Serilog__MinimumLevel__Default"] = "Warning",
        // Development, the one environment of a service alone that mints tokens; no configuration file watching.
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        ["Auth__DevTokens"] = "true",
    };
}
