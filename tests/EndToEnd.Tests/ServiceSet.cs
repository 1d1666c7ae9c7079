using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.TestSupport;

namespace Cybercrime.EndToEnd.Tests;

/// <summary>
/// Producing services and reporting as separate processes over a virtual host of their own on the real
/// RabbitMQ, each logged in as its own broker user (deploy/rabbitmq/definitions.json, so each may
/// publish only its own events), each with its own SQLite folder.
/// </summary>
internal sealed class ServiceSet : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Dictionary<string, ServiceProcess> _producers = new(StringComparer.Ordinal);

    private ServiceSet(BrokerVirtualHost broker, string folder) => (Broker, _folder) = (broker, folder);

    public BrokerVirtualHost Broker { get; }

    /// <summary>The producing services by service name (their broker users), e.g. <c>evidence</c>.</summary>
    public IReadOnlyDictionary<string, ServiceProcess> Producers => _producers;

    /// <summary>The one producer of a set started with one.</summary>
    public ServiceProcess Producer => _producers.Values.Single();

    public ServiceProcess Reporting { get; private set; } = null!;

    /// <param name="name">The producer's service name (its broker user), e.g. <c>evidence</c>.</param>
    /// <param name="project">Its project, e.g. <c>Cybercrime.Evidence</c>.</param>
    /// <param name="settings">Settings of the producer's own beyond the set's.</param>
    /// <param name="reportingSettings">Settings of reporting's own beyond the set's.</param>
    public static Task<ServiceSet> StartAsync(
        string name, string project, IReadOnlyDictionary<string, string>? settings = null, IReadOnlyDictionary<string, string>? reportingSettings = null) =>
        StartAsync(name, [(name, project, settings)], reportingSettings);

    /// <param name="name">Names the virtual host and the data folder.</param>
    /// <param name="producers">Each producer's service name (its broker user), project and settings of its own.</param>
    /// <param name="reportingSettings">Settings of reporting's own beyond the set's.</param>
    public static async Task<ServiceSet> StartAsync(
        string name, IReadOnlyList<(string Service, string Project, IReadOnlyDictionary<string, string>? Settings)> producers,
        IReadOnlyDictionary<string, string>? reportingSettings = null)
    {
        var broker = await TestBroker.CreateVirtualHostAsync($"e2e-{name}");
        var set = new ServiceSet(broker, Directory.CreateTempSubdirectory($"cybercrime-e2e-{name}-").FullName);
        try
        {
            await broker.ApplyDefinitionsAsync(Path.Combine(RepositoryRoot.Path, "deploy", "rabbitmq", "definitions.json"));
            // Started side by side: each process takes seconds to start, and they do not wait for one another.
            var starting = producers.Select(async p =>
            {
                var own = set.Settings(p.Service);
                foreach (var (key, value) in p.Settings ?? new Dictionary<string, string>())
                {
                    own[key] = value;
                }

                return (p.Service, Process: await ServiceProcess.StartAsync(p.Project, own));
            }).ToList();
            var reportingOwn = set.Settings("reporting");
            foreach (var (key, value) in reportingSettings ?? new Dictionary<string, string>())
            {
                reportingOwn[key] = value;
            }

            var reporting = ServiceProcess.StartAsync("Cybercrime.Reporting", reportingOwn);
            try
            {
                await Task.WhenAll([.. starting, reporting]);
            }
            finally
            {
                // Whatever started is the set's to stop, also when another did not start.
                foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
                {
                    set._producers[started.Result.Service] = started.Result.Process;
                }

                set.Reporting = reporting.IsCompletedSuccessfully ? reporting.Result : null!;
            }

            return set;
        }
        catch
        {
            await set.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of <paramref name="service"/> with a development token for <paramref name="tokenRequest"/> (<c>{office, roles}</c>).</summary>
    public static async Task<HttpClient> ClientAsync(ServiceProcess service, object tokenRequest)
    {
        var client = new HttpClient { BaseAddress = service.BaseAddress };
        var token = await SendAsync(client, HttpMethod.Post, "/dev/token", tokenRequest, "token");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Sends <paramref name="body"/> as JSON, asserts a 2xx answer and returns its <paramref name="field"/>.</summary>
    public static async Task<string> SendAsync(HttpClient client, HttpMethod method, string path, object body, string field)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {json}");
        return JsonNode.Parse(json)![field]!.ToString();
    }

    /// <summary>
    /// Once the tap and reporting's <paramref name="queue"/> have seen the same events, sends every one of
    /// them again, in reverse order and then in order, and waits until reporting has taken them all;
    /// returns how many events there were. Reporting's figures must not move, nor anything be parked.
    /// </summary>
    /// <param name="expected">How many events the scenario raises, where the test knows.</param>
    public async Task<int> DeliverEverythingTwiceMoreAsync(EventTap tap, string queue, TimeSpan deadline, int? expected = null)
    {
        var events = 0;
        await Eventually.Until(
            async () => (events = await tap.DrainAsync()) > 0 && events == (expected ?? events) && events == await Broker.AcknowledgedAsync(queue),
            deadline, $"the tap and reporting to see the same {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""} events");
        await tap.RepublishAsync(reversed: true);
        await tap.RepublishAsync(reversed: false);
        await Eventually.Until(async () => await Broker.AcknowledgedAsync(queue) >= 3 * events, deadline, $"reporting to take the {2 * events} events sent again");
        Assert.Equal(0, await Broker.MessagesInAsync($"{queue}_error"));
        return events;
    }

    /// <summary>On failure, says what the services logged: the cause is usually there.</summary>
    public async Task<T> WithServiceLogsAsync<T>(Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException e)
        {
            var logs = _producers.Append(new("reporting", Reporting)).Where(p => p.Value is not null).Select(p => $"\n--- {p.Key} ---\n{Tail(p.Value.Output)}");
            throw new TimeoutException($"{e.Message}{string.Concat(logs)}", e);
        }

        static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(15));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var producer in _producers.Values)
        {
            await producer.DisposeAsync();
        }

        if (Reporting is not null)
        {
            await Reporting.DisposeAsync();
        }

        await Broker.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string> Settings(string service) => new(TestSecrets.Environment())
    {
        ["Bus__Transport"] = "RabbitMq",
        ["ConnectionStrings__RabbitMq"] = Broker.AmqpAs(service, $"dev-{service}").ToString(),
        ["Storage__Provider"] = "Sqlite",
        ["Storage__SqlitePath"] = Path.Combine(_folder, service),
    };
}
