using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.TestSupport;
using RabbitMQ.Client;

namespace Cybercrime.Faults;

/// <summary>
/// 7. Poison messages in reporting's queue, made from genuine events of an operation already counted:
/// a malformed payload (the JSON cut short), an unknown enum value (a gender no contract knows), an
/// event of an unknown type. Each must be parked in <c>reporting-training_error</c> with its reason and
/// listed by the operations endpoint; the figures must not move. The fix here is at the source: the
/// genuine events are published again, as a corrected producer would, and operations replay the
/// parked messages: still broken, they are parked again, never lost and never counted; the operation
/// they came from is counted once.
/// </summary>
internal static class Poison
{
    private const int Kinds = 3;

    public static async Task<ScenarioResult> RunAsync(Run run)
    {
        var total = Stopwatch.StartNew();
        await using var vhost = await TestBroker.CreateVirtualHostAsync("faults");
        await using var tap = await EventTap.OpenAsync(vhost.Amqp);
        await using var pipeline = await FaultPipeline.StartAsync(run.Options, vhost.Amqp);
        var driver = new Driver(pipeline, run.Name);
        await driver.RunAsync(run.Options.Operations, run.PerSecond);
        var referee = new Referee(pipeline, vhost.Amqp, run.Options.QuietDeadline);
        await referee.QuietAsync(driver, Stopwatch.StartNew());
        await Redelivery.WaitForEventsAsync(tap, pipeline, driver);

        var registered = tap.Seen.First(e => e.Exchange == EventNames.Of(typeof(ParticipantRegistered)));
        foreach (var body in new[] { Malformed(registered.Body), UnknownEnumValue(registered.Body), UnknownType(registered.Body) })
        {
            await tap.PublishAsync(BrokerQueues.Reporting, Fresh(registered.Properties), body);
        }

        var failure = await ParkedAsync(vhost.Amqp, "parked with its reason");
        var listed = await Operations.ParkedAsync(pipeline);
        foreach (var parked in listed.EnumerateArray())
        {
            Console.WriteLine($"  parked {parked.GetProperty("messageType")}: {parked.GetProperty("reason")}");
        }

        if (listed.GetArrayLength() != Kinds || listed.EnumerateArray().Any(p => string.IsNullOrWhiteSpace(p.GetProperty("reason").GetString())))
        {
            failure ??= $"the operations endpoint listed {listed}";
        }

        // The fix at the source: the genuine events again; then the parked ones replayed.
        await tap.PublishAsync(registered.Exchange, registered.Properties, registered.Body);

        var replayed = await Operations.ReplayAsync(pipeline);
        failure ??= replayed == Kinds ? await ParkedAsync(vhost.Amqp, "parked again after replay") : $"replayed {replayed}, not {Kinds}";
        var result = await referee.JudgeAsync(run.Name, driver, Stopwatch.StartNew(), total, replayed);
        return result with { Failure = result.Failure ?? failure };
    }

    private static async Task<string?> ParkedAsync(Uri broker, string what)
    {
        try
        {
            await Eventually.Until(async () => await BrokerQueues.ReadyAsync(broker, BrokerQueues.ReportingErrors) >= Kinds, TimeSpan.FromSeconds(90), what);
            return null;
        }
        catch (TimeoutException e)
        {
            return $"{e.Message} (in {BrokerQueues.ReportingErrors}: {await BrokerQueues.ReadyAsync(broker, BrokerQueues.ReportingErrors)}; " +
                $"in reporting-training_skipped: {await BrokerQueues.ReadyAsync(broker, "reporting-training_skipped")})";
        }
    }

    private static BasicProperties Fresh(BasicProperties genuine) => new(genuine) { MessageId = Guid.NewGuid().ToString() };

    private static byte[] Malformed(ReadOnlyMemory<byte> body) => body[..(body.Length / 2)].ToArray();

    private static byte[] UnknownEnumValue(ReadOnlyMemory<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Span);
        var changed = text.Replace("\"female\"", "\"not-a-gender\"", StringComparison.Ordinal).Replace("\"male\"", "\"not-a-gender\"", StringComparison.Ordinal);
        return changed != text ? Encoding.UTF8.GetBytes(changed) : throw new InvalidOperationException($"No gender in {text}");
    }

    private static byte[] UnknownType(ReadOnlyMemory<byte> body)
    {
        var envelope = JsonNode.Parse(body.Span)!;
        envelope["messageType"] = new JsonArray("urn:message:Cybercrime.Contracts.Training:ParticipantTeleported");
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }
}
