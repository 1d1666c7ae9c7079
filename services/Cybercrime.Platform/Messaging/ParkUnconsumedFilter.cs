using MassTransit;
using MassTransit.Middleware.Rescue;
using MassTransit.Middleware;

namespace Cybercrime.Platform.Messaging;

/// <summary>
/// A message that no consumer of the endpoint handles (an event of a type it does not know) is parked in
/// the endpoint's <c>_error</c> queue with its reason, like a message whose consumer failed, instead of
/// MassTransit's <c>_skipped</c> queue, which operations neither list nor replay: once a consumer of the
/// type is deployed, replaying it counts it.
/// </summary>
internal sealed class ParkUnconsumedFilter : IFilter<ReceiveContext>
{
    private static readonly IFilter<ExceptionReceiveContext> ErrorTransport = new ErrorTransportFilter();

    public Task Send(ReceiveContext context, IPipe<ReceiveContext> next) =>
        ErrorTransport.Send(new RescueExceptionReceiveContext(context, new UnconsumedMessageException(context.InputAddress)), Pipe.Empty<ExceptionReceiveContext>());

    public void Probe(ProbeContext context) => context.CreateFilterScope("parkUnconsumed");
}

/// <summary>Why an unconsumed message was parked: the reason operations read.</summary>
public sealed class UnconsumedMessageException(Uri? endpoint)
    : Exception($"No consumer at {endpoint?.Segments.LastOrDefault()} handles this message's type; replay it once one does.");
