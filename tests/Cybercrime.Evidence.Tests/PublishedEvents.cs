using System.Collections.Concurrent;
using System.Text;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Evidence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Evidence.Tests;

/// <summary>Every evidence event the service publishes on its in-memory bus, as the bytes that travelled.</summary>
internal static class PublishedEvents
{
    public static async Task<ConcurrentBag<string>> TapAsync(IServiceProvider services)
    {
        var seen = new ConcurrentBag<string>();
        var bus = services.GetRequiredService<IBus>();
        var handle = bus.ConnectReceiveEndpoint($"test-tap-{Guid.NewGuid():N}", endpoint =>
        {
            foreach (var type in EventNames.Events.Where(t => typeof(IEvidenceRequestEvent).IsAssignableFrom(t)))
            {
                typeof(PublishedEvents).GetMethod(nameof(Tap), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type).Invoke(null, [endpoint, seen]);
            }
        });
        await handle.Ready;
        return seen;
    }

    private static void Tap<T>(IReceiveEndpointConfigurator endpoint, ConcurrentBag<string> seen) where T : class =>
        endpoint.Handler<T>(context =>
        {
            seen.Add(Encoding.UTF8.GetString(context.ReceiveContext.Body.GetBytes()));
            return Task.CompletedTask;
        });
}
