using Cybercrime.Contracts.Reporting;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Cybercrime.Platform.Messaging;

/// <summary>
/// A producing service's answer to a rebuild of reporting: every aggregate's current state published
/// again, page by page, as a restated event at the version stored, then the count announced
/// (<see cref="StateRestated"/>). Publishing goes straight to the broker with publisher confirms, not
/// through the outbox: each document is read whole at one version, and the request is acknowledged
/// only once every page is confirmed, so a crash half-way has the request delivered again and the
/// restatement starts over, which reporting's version-guarded upserts absorb (decision 0019).
/// </summary>
public sealed class Restatement(ConsumeContext<ReportingRebuildRequested> context, string area, TimeProvider clock)
{
    /// <summary>Documents read and published at once: a page is one query and one burst of confirms.</summary>
    public const int PageSize = 500;

    public long Restated { get; private set; }

    /// <summary>Publishes <paramref name="restate"/> of every document of the collection; a null leaves one out (a draft no event ever named).</summary>
    public async Task AllAsync<TDocument, TEvent>(IDocumentCollection<TDocument> collection, Func<TDocument, DateTimeOffset, TEvent?> restate)
        where TDocument : class, IDocument
        where TEvent : class
    {
        await foreach (var page in collection.PagesAsync(PageSize, context.CancellationToken))
        {
            var now = clock.GetUtcNow();
            var events = page.Select(document => restate(document, now)).OfType<TEvent>().ToList();
            await Task.WhenAll(events.Select(e => context.Publish(e, (PublishContext<TEvent> publish) => Headed(publish), context.CancellationToken)));
            Restated += events.Count;
        }
    }

    /// <summary>Tells reporting how many aggregates the area restated, once all are confirmed.</summary>
    public Task AnnounceAsync() =>
        context.Publish(new StateRestated(context.Message.RebuildId, area, Restated, clock.GetUtcNow()), context.CancellationToken);

    private void Headed(PublishContext publish)
    {
        publish.Headers.Set(RestatementHeaders.RebuildId, context.Message.RebuildId.ToString());
        publish.Headers.Set(RestatementHeaders.Area, area);
    }
}

public static class RestatementRegistration
{
    /// <summary>
    /// Adds the service's answer to rebuild requests on its own queue (<c>{service}-restate</c>): one request
    /// at a time, a few retries, then parked like any other message.
    /// </summary>
    public static IHostApplicationBuilder AddRestatement<TConsumer>(this IHostApplicationBuilder builder, string service)
        where TConsumer : class, IConsumer<ReportingRebuildRequested>
    {
        var queue = $"{service}-restate";
        return builder.AddConsumers(
            bus => bus.AddConsumer<TConsumer>((_, consumer) => consumer.UseMessageRetry(retry => retry.Intervals(1000, 5000, 15000)))
                .Endpoint(endpoint =>
                {
                    endpoint.Name = queue;
                    endpoint.ConcurrentMessageLimit = 1;
                    endpoint.PrefetchCount = 1;
                }),
            queue);
    }
}
