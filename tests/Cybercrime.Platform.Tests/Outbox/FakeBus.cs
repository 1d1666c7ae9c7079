using System.Collections.Concurrent;
using System.Reflection;
using Cybercrime.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Cybercrime.Platform.Tests.Outbox;

/// <summary>
/// An <see cref="IBus"/> that only publishes: it records each event once its publish completes, after
/// <see cref="Delay"/> says how long the broker takes to confirm it (forever: a lost confirm).
/// </summary>
public class FakeBus : DispatchProxy
{
    public ConcurrentQueue<IIntegrationEvent> Confirmed { get; } = new();

    public Func<IIntegrationEvent, TimeSpan?> Delay { get; set; } = _ => TimeSpan.Zero;

    public static (IBus Bus, FakeBus Fake) Create()
    {
        var bus = Create<IBus, FakeBus>();
        return (bus, (FakeBus)(object)bus);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod?.Name == nameof(IBus.Publish) && args?[0] is IIntegrationEvent @event
            ? PublishAsync(@event)
            : throw new NotSupportedException(targetMethod?.Name);

    private async Task PublishAsync(IIntegrationEvent @event)
    {
        if (Delay(@event) is not { } delay)
        {
            // Waits for a confirm that never comes, heeding no cancellation, as RabbitMQ.Client 7.2.2 can after a broker restart.
            await new TaskCompletionSource().Task;
        }
        else if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        Confirmed.Enqueue(@event);
    }
}

/// <summary>Keeps what was logged, to assert on warnings.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}
