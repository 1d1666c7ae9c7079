using System.Security.Claims;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;

namespace Cybercrime.Training.Registrations;

internal sealed record RegistrationDetailsView(
    string RegistrationId,
    string SessionId,
    Guid ParticipantId,
    string ExternalRef,
    Gender Gender,
    string CountryCode,
    AgencyType AgencyType,
    string? Role,
    EnrolmentStatus Status,
    long? WaitlistPosition,
    DateTimeOffset RegisteredAt,
    DateTimeOffset ChangedAt);

/// <summary>
/// <c>GET /training/sessions/{id}/registrations/{registrationId}</c>: one registration of the office's
/// session and where it stands; the <c>Location</c> a new registration answers.
/// </summary>
internal static class GetRegistration
{
    public static void MapGetRegistration(this RouteGroupBuilder training) =>
        training.MapGet("/sessions/{id:guid}/registrations/{registrationId:guid}", async (
                Guid id, Guid registrationId, ClaimsPrincipal user, TrainingStore store, CancellationToken cancellationToken) =>
            {
                var (session, denied) = await store.FindOwnSessionAsync(id, user, cancellationToken);
                if (denied is not null)
                {
                    return denied;
                }

                var r = await store.Registrations.FindAsync(registrationId.ToString(), cancellationToken);
                if (r is null || r.SessionId != session!.Id)
                {
                    return Problems.NotFound("No such registration.", $"Session {id} has no registration {registrationId}.");
                }

                return TypedResults.Ok(new RegistrationDetailsView(
                    r.Id, r.SessionId, r.ParticipantId, r.ExternalRef, r.Gender, r.CountryCode, r.AgencyType, r.Role, r.Status, r.WaitlistPosition,
                    r.RegisteredAt, r.ChangedAt));
            })
            .WithSummary("One registration of one of the caller's office's sessions, with its status.")
            .Produces<RegistrationDetailsView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
