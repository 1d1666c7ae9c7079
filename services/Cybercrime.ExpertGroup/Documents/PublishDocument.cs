using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Platform.Http;

namespace Cybercrime.ExpertGroup.Documents;

/// <summary>The body of <c>POST /expert-group/documents/{id}/publication</c>.</summary>
internal sealed record PublicationRequest(DateOnly? On);

internal sealed record RevisionStarted(int Revision);

/// <summary>
/// <c>…/publication</c> publishes the versions of the latest revision uploaded since (the original
/// language must be among the revision's versions); publishing a new revision supersedes the one before,
/// which stays readable. <c>…/revisions</c> starts a new revision once the latest is published;
/// <c>…/withdrawal</c> takes the document out of the public's sight for good.
/// </summary>
internal static class PublishDocument
{
    public static void MapPublishDocument(this RouteGroupBuilder group) =>
        group.MapPost("/documents/{id:guid}/publication", (Guid id, PublicationRequest request, HttpContext http, DocumentRoute route) =>
            {
                var errors = new ValidationErrors();
                errors.Check(request.On is not null, "on", "The publication date is required (ISO 8601, e.g. 2020-07-27).");
                ReportingYears.Check(errors, "on", request.On);
                var today = DateOnly.FromDateTime(route.Now.UtcDateTime);
                errors.Check(request.On is null || request.On <= today, "on", $"The day {request.On:yyyy-MM-dd} is in the future; a document is published once it has been.");
                return errors.Any ? Task.FromResult(errors.ToResult()) : route.ChangeAsync(http, id, request, document =>
                {
                    // Publication dates only move forward: a later revision or language is published on or after the current one.
                    var last = document.Revisions.SelectMany(r => r.Versions).Max(v => v.PublishedOn);
                    var late = new ValidationErrors();
                    return late.Check(last is null || request.On >= last, "on", $"The document was last published on {last:yyyy-MM-dd}; a publication cannot come before it.")
                        ? Publish(document, request.On!.Value, route.Now)
                        : (null, null, null, late.ToResult());
                });
            })
            .WithSummary("Publishes the language versions uploaded to the latest revision.")
            .Produces<DocumentView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static (ExpertDocument?, Cybercrime.Contracts.IIntegrationEvent?, object?, IResult?) Publish(ExpertDocument document, DateOnly on, DateTimeOffset now)
    {
        var latest = document.Latest;
        if (latest.Versions.All(v => v.PublishedOn is not null))
        {
            return (null, null, null, Problems.Conflict("Nothing to publish.", $"Revision {latest.Number} has no version uploaded since it was last published."));
        }

        if (latest.In(document.OriginalLanguage) is null)
        {
            return (null, null, null, Problems.Conflict(
                "The original language version is required.",
                $"Upload the {document.OriginalLanguage} version of revision {latest.Number} (the document's original language) before publishing it."));
        }

        var supersedes = latest.PublishedOn is null && document.Current is not null;
        var published = document.Next(d => d with
        {
            Status = DocumentStatus.Published,
            FirstPublishedOn = d.FirstPublishedOn ?? on,
            Revisions = d.WithLatest(latest with
            {
                PublishedOn = latest.PublishedOn ?? on,
                Versions = [.. latest.Versions.Select(v => v with { PublishedOn = v.PublishedOn ?? on })],
            }),
        });
        Cybercrime.Contracts.IIntegrationEvent @event = supersedes
            ? new DocumentSuperseded(Guid.NewGuid(), now, ExpertGroupService.Office, published.Key, published.Version, published.Snapshot())
            : new DocumentPublished(Guid.NewGuid(), now, ExpertGroupService.Office, published.Key, published.Version, published.Snapshot());
        return (published, @event, null, null);
    }

    public static void MapStartRevision(this RouteGroupBuilder group) =>
        group.MapPost("/documents/{id:guid}/revisions", (Guid id, HttpContext http, DocumentRoute route) =>
                route.ChangeAsync(http, id, id.ToString(), document => document.Latest.PublishedOn is null
                    ? (null, null, null, Problems.Conflict("The latest revision is not published yet.", $"Upload to revision {document.Latest.Number} until it is published."))
                    : (document.Next(d => d with { Revisions = [.. d.Revisions, new Revision(d.Latest.Number + 1, null, [])] }), null,
                        new RevisionStarted(document.Latest.Number + 1), null)))
            .WithSummary("Starts a new revision of a published document; it supersedes the current one when published.")
            .Produces<RevisionStarted>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    public static void MapWithdrawDocument(this RouteGroupBuilder group) =>
        group.MapPost("/documents/{id:guid}/withdrawal", (Guid id, HttpContext http, DocumentRoute route) =>
                route.ChangeAsync(http, id, id.ToString(), document =>
                {
                    var withdrawn = document.Next(d => d with { Status = DocumentStatus.Withdrawn });
                    return (withdrawn, new DocumentWithdrawn(Guid.NewGuid(), route.Now, ExpertGroupService.Office, withdrawn.Key, withdrawn.Version, withdrawn.Snapshot()), null, null);
                }))
            .WithSummary("Withdraws a document: the public sees none of it any more.")
            .Produces<DocumentView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
