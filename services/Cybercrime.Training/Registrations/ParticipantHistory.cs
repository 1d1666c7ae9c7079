using System.Security.Claims;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;

namespace Cybercrime.Training.Registrations;

internal sealed record ParticipationView(string SessionId, string RegistrationId, string Title, DateOnly StartDate, DateOnly EndDate, EnrolmentStatus Status);

internal sealed record ParticipantHistoryView(string ExternalRef, Guid ParticipantId, IReadOnlyList<ParticipationView> Sessions);

/// <summary>
/// <c>GET /training/participants/{externalRef}</c>: every session the office's participant enrolled in.
/// The reference is resolved within the caller's office, so no office can reach another's participants.
/// </summary>
internal static class ParticipantHistory
{
    public static void MapParticipantHistory(this RouteGroupBuilder training) =>
        training.MapGet("/participants/{externalRef}", async (string externalRef, ClaimsPrincipal user, TrainingStore store, ParticipantIdentity identity, CancellationToken cancellationToken) =>
            {
                var participantId = identity.Of(user.Office()!, externalRef);
                var registrations = await store.Registrations.WhereAsync("participantId", [participantId], cancellationToken);
                if (registrations.Count == 0)
                {
                    return (IResult)Problems.NotFound("No such participant.", $"Your office has no participant '{externalRef}'.");
                }

                var sessions = (await store.Sessions.FindManyAsync(registrations.Select(r => r.SessionId).Distinct().ToList(), cancellationToken))
                    .ToDictionary(s => s.Id);
                var history = registrations
                    .Select(r => (Registration: r, Session: sessions[r.SessionId]))
                    .OrderBy(p => p.Session.Details.StartDate)
                    .Select(p => new ParticipationView(p.Session.Id, p.Registration.Id, p.Session.Details.Title, p.Session.Details.StartDate,
                        p.Session.Details.EndDate, p.Registration.Status))
                    .ToList();
                return TypedResults.Ok(new ParticipantHistoryView(externalRef, participantId, history));
            })
            .WithSummary("One participant's sessions, by the office's own reference.")
            .Produces<ParticipantHistoryView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
