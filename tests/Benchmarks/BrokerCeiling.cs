using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Cybercrime.Benchmarks;

/// <summary>
/// What the broker itself allows: RabbitMQ.Client alone, persistent messages into a durable quorum
/// queue with publisher confirms kept in flight by the thousand (never awaited one by one), consumed
/// with manual acknowledgements. Messages per second from the first publish to the last ack.
/// </summary>
internal static class BrokerCeiling
{
    private const int Window = 2_000;
    private const ushort Prefetch = 500;

    public static async Task<Round> MeasureAsync(Uri broker, int messages)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var publishing = await factory.CreateConnectionAsync("ceiling-publisher");
        await using var consuming = await factory.CreateConnectionAsync("ceiling-consumer");
        await using var publisher = await publishing.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null));
        await using var consumer = await consuming.CreateChannelAsync();
        var queue = $"ceiling-{Guid.NewGuid():N}";
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        await consumer.BasicQosAsync(0, Prefetch, global: false);

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = 0;
        var receiver = new AsyncEventingBasicConsumer(consumer);
        receiver.ReceivedAsync += async (_, delivery) =>
        {
            await consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (Interlocked.Increment(ref received) == messages)
            {
                done.TrySetResult();
            }
        };
        await consumer.BasicConsumeAsync(queue, autoAck: false, receiver);

        var body = Payload.Bytes();
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        var inFlight = new SemaphoreSlim(Window);
        var confirms = new List<Task>(messages);
        var cpu = CpuTime.Start("client");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++)
        {
            await inFlight.WaitAsync();
            confirms.Add(Confirmed(publisher.BasicPublishAsync("", queue, mandatory: false, properties, body), inFlight));
        }

        await Task.WhenAll(confirms);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var round = new Round(messages / clock.Elapsed.TotalSeconds, cpu.PerItem(messages));
        await publisher.QueueDeleteAsync(queue);
        return round;
    }

    private static async Task Confirmed(ValueTask publish, SemaphoreSlim inFlight)
    {
        try
        {
            await publish;
        }
        finally
        {
            inFlight.Release();
        }
    }
}
