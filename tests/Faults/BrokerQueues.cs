using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Cybercrime.Faults;

/// <summary>Looks into a broker's queues over AMQP (no management plugin needed, so it also works on a node of the suite's own).</summary>
internal static class BrokerQueues
{
    public const string Reporting = "reporting-training";
    public const string ReportingErrors = "reporting-training_error";

    /// <summary>Messages ready in a queue; 0 when it does not exist (yet) or the broker is down.</summary>
    public static async Task<long> ReadyAsync(Uri broker, string queue)
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync("faults-probe");
            await using var channel = await connection.CreateChannelAsync();
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (Exception e) when (e is OperationInterruptedException or BrokerUnreachableException)
        {
            return e is OperationInterruptedException { ShutdownReason.ReplyCode: 404 } ? 0 : -1;
        }
    }

    public static async Task PurgeAsync(Uri broker, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync("faults-purge");
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueuePurgeAsync(queue);
    }
}
