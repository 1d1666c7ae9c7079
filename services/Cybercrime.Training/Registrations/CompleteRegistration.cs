using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Platform.Storage;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training.Registrations;

internal sealed record RegistrationStatusResponse(string RegistrationId, string Status);

/// <summary><c>POST /training/sessions/{id}/registrations/{registrationId}/completion</c>.</summary>
internal static class CompleteRegistration
{
    public static void MapCompleteRegistration(this RouteGroupBuilder training) =>
        training.MapPost("/sessions/{id:guid}/registrations/{registrationId:guid}/completion", HandleAsync)
            .WithSummary("Records that a registered participant completed the session.");

    private static async Task<IResult> HandleAsync(
        Guid id,
        Guid registrationId,
        ClaimsPrincipal user,
        IDocumentCollection<TrainingSession> sessions,
        IDocumentCollection<Registration> registrations,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (_, denied) = await GetSession.FindOwnAsync(sessions, id, user, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var registration = await registrations.FindAsync(registrationId.ToString(), cancellationToken);
        if (registration is null || registration.SessionId != id.ToString())
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such registration.",
                detail: $"Session {id} has no registration {registrationId}.");
        }

        if (registration.Complete(clock.GetUtcNow()) is not var (completed, @event))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The registration cannot be completed in its current state.",
                detail: $"The registration is {ContractJson.Name(registration.Status)}; only a registered participant can complete.",
                extensions: new Dictionary<string, object?> { ["currentState"] = ContractJson.Name(registration.Status) });
        }

        await registrations.SaveAsync(completed, registration.Version, [@event], cancellationToken);
        return TypedResults.Ok(new RegistrationStatusResponse(completed.Id, ContractJson.Name(completed.Status)));
    }
}
