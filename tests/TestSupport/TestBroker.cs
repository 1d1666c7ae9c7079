using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Testcontainers.RabbitMq;

namespace Cybercrime.TestSupport;

/// <summary>
/// The real RabbitMQ every broker test runs against, found in this order: <c>RABBITMQ_URI</c>
/// (with <c>RABBITMQ_MANAGEMENT_URI</c>, default port 15672 on the same host), else a Testcontainers
/// broker where a Docker engine answers. <c>./test.sh</c> starts a local rabbitmq-server and sets
/// the variables when neither is there. Each test gets its own virtual host, so exchanges and
/// queues never leak between tests.
/// </summary>
public static class TestBroker
{
    private static readonly Lazy<Task<(Uri Amqp, Uri Management)>> Broker = new(FindAsync);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<BrokerVirtualHost> CreateVirtualHostAsync(string purpose)
    {
        var (amqp, management) = await Broker.Value;
        var name = $"test-{purpose}-{Guid.NewGuid():N}"[..Math.Min(60, purpose.Length + 38)];
        await SendAsync(management, HttpMethod.Put, $"api/vhosts/{name}", new JsonObject());
        var user = Uri.UnescapeDataString(amqp.UserInfo.Split(':')[0]);
        await SendAsync(management, HttpMethod.Put, $"api/permissions/{name}/{user}",
            new JsonObject { ["configure"] = ".*", ["write"] = ".*", ["read"] = ".*" });
        return new BrokerVirtualHost(new UriBuilder(amqp) { Path = "/" + name }.Uri, management, name);
    }

    internal static async Task<JsonNode?> SendAsync(Uri management, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(management, path));
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"RabbitMQ management {method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static async Task<(Uri, Uri)> FindAsync()
    {
        if (Environment.GetEnvironmentVariable("RABBITMQ_URI") is { Length: > 0 } configured)
        {
            var amqp = new Uri(configured);
            var management = Environment.GetEnvironmentVariable("RABBITMQ_MANAGEMENT_URI") is { Length: > 0 } m
                ? new Uri(m)
                : new UriBuilder("http", amqp.Host, 15672) { UserName = amqp.UserInfo.Split(':')[0], Password = amqp.UserInfo.Split(':').ElementAtOrDefault(1) ?? "" }.Uri;
            return (amqp, management);
        }

        try
        {
            var container = new RabbitMqBuilder("rabbitmq:3.13-management").WithPortBinding(15672, true).Build();
            await container.StartAsync();
            var amqp = new Uri(container.GetConnectionString());
            var management = new UriBuilder("http", container.Hostname, container.GetMappedPublicPort(15672)) { UserName = "rabbitmq", Password = "rabbitmq" }.Uri;
            return (amqp, management);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                "No RabbitMQ for the tests: set RABBITMQ_URI, make a Docker engine reachable, or run ./test.sh, which starts a local rabbitmq-server.", e);
        }
    }
}

/// <summary>A virtual host of the test broker, deleted with everything in it when disposed.</summary>
public sealed class BrokerVirtualHost(Uri amqp, Uri management, string name) : IAsyncDisposable
{
    /// <summary>The AMQP URI of this virtual host, for <c>ConnectionStrings:RabbitMq</c>.</summary>
    public Uri Amqp { get; } = amqp;

    public string Name { get; } = name;

    /// <summary>
    /// Creates the service users of a RabbitMQ definitions file (deploy/rabbitmq/definitions.json; those
    /// without tags, so never an administrator) and grants them its permissions on this virtual host,
    /// so that a test runs each service as its production user.
    /// </summary>
    public async Task ApplyDefinitionsAsync(string definitionsFile)
    {
        var definitions = JsonNode.Parse(await File.ReadAllTextAsync(definitionsFile))!;
        var services = definitions["users"]!.AsArray().Where(user => user!["tags"]!.AsArray().Count == 0).ToList();
        foreach (var user in services)
        {
            await TestBroker.SendAsync(management, HttpMethod.Put, $"api/users/{user!["name"]}", new JsonObject
            {
                ["password_hash"] = user["password_hash"]!.GetValue<string>(),
                ["hashing_algorithm"] = user["hashing_algorithm"]!.GetValue<string>(),
                ["tags"] = "",
            });
        }

        var names = services.Select(user => user!["name"]!.GetValue<string>()).ToHashSet();
        foreach (var permission in definitions["permissions"]!.AsArray().Where(p => names.Contains(p!["user"]!.GetValue<string>())))
        {
            await TestBroker.SendAsync(management, HttpMethod.Put, $"api/permissions/{Name}/{permission!["user"]}", new JsonObject
            {
                ["configure"] = permission["configure"]!.GetValue<string>(),
                ["write"] = permission["write"]!.GetValue<string>(),
                ["read"] = permission["read"]!.GetValue<string>(),
            });
        }
    }

    /// <summary>This virtual host's AMQP URI for another user.</summary>
    public Uri AmqpAs(string user, string password) => new UriBuilder(Amqp) { UserName = user, Password = password }.Uri;

    /// <summary>How many messages a queue holds, ready or not; 0 when it does not exist yet.</summary>
    public async Task<int> MessagesInAsync(string queue)
    {
        try
        {
            var info = await TestBroker.SendAsync(management, HttpMethod.Get, $"api/queues/{Name}/{queue}");
            return info?["messages"]?.GetValue<int>() ?? 0;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("404", StringComparison.Ordinal))
        {
            return 0;
        }
    }

    /// <summary>
    /// How many messages consumers of the queue have acknowledged so far. The broker publishes these
    /// statistics every few seconds, so wait for the count to reach a figure rather than reading it once.
    /// </summary>
    public async Task<long> AcknowledgedAsync(string queue)
    {
        var info = await TestBroker.SendAsync(management, HttpMethod.Get, $"api/queues/{Name}/{queue}");
        return info?["message_stats"]?["ack"]?.GetValue<long>() ?? 0;
    }

    /// <summary>The queue's type (classic, quorum) and durability, as the broker reports them.</summary>
    public async Task<(string? Type, bool Durable)> QueueAsync(string queue)
    {
        var info = await TestBroker.SendAsync(management, HttpMethod.Get, $"api/queues/{Name}/{queue}");
        return (info?["type"]?.GetValue<string>(), info?["durable"]?.GetValue<bool>() ?? false);
    }

    /// <summary>The first message of a queue, with its headers, left in the queue.</summary>
    public async Task<JsonNode?> PeekAsync(string queue)
    {
        var messages = await TestBroker.SendAsync(management, HttpMethod.Post, $"api/queues/{Name}/{queue}/get",
            new JsonObject { ["count"] = 1, ["ackmode"] = "ack_requeue_true", ["encoding"] = "auto" });
        return messages?.AsArray().FirstOrDefault();
    }

    public async ValueTask DisposeAsync() => await TestBroker.SendAsync(management, HttpMethod.Delete, $"api/vhosts/{Name}");
}
