using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Dashboard.Tests;

/// <summary>Reporting in the test process on a real port (Kestrel), so that a browser can load the dashboard from it.</summary>
public sealed class ReportingOnKestrel : ServiceFactory<Program>
{
    public ReportingOnKestrel() => UseKestrel(0);

    public Uri Url
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    /// <summary>Publishes the events on reporting's bus, as the producing services would.</summary>
    public async Task PublishAsync(IEnumerable<IIntegrationEvent> events)
    {
        StartServer();
        var bus = Services.GetRequiredService<IBus>();
        foreach (var e in events)
        {
            await bus.Publish(e, e.GetType(), context => context.MessageId = e.EventId, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<JsonObject> GetAsync(HttpClient hq, string path) =>
        (await hq.GetFromJsonAsync<JsonObject>(path, TestContext.Current.CancellationToken))!;
}
