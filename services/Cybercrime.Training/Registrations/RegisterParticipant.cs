using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;
using Cybercrime.Training.Sessions;

namespace Cybercrime.Training.Registrations;

internal sealed record ParticipantRequest(string? ExternalRef, Gender? Gender, string? CountryCode, AgencyType? AgencyType);

internal sealed record RegisterParticipantRequest(ParticipantRequest? Participant);

internal sealed record ParticipantRegisteredResponse(string RegistrationId, Guid ParticipantId);

/// <summary><c>POST /training/sessions/{id}/registrations</c>: registers a participant for one of the office's sessions.</summary>
internal static class RegisterParticipant
{
    public const int MaxExternalRefLength = 100;

    public static void MapRegisterParticipant(this RouteGroupBuilder training) =>
        training.MapPost("/sessions/{id:guid}/registrations", HandleAsync)
            .WithSummary("Registers a participant, identified by the office's own reference, for a session.")
            .ProducesValidationProblem();

    private static async Task<IResult> HandleAsync(
        Guid id,
        RegisterParticipantRequest request,
        ClaimsPrincipal user,
        IDocumentCollection<TrainingSession> sessions,
        IDocumentCollection<Registration> registrations,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var participant = Validate(request, errors);
        if (participant is null)
        {
            return errors.ToResult();
        }

        var (session, denied) = await GetSession.FindOwnAsync(sessions, id, user, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var (registration, registered) = Registration.Register(session!, participant, clock.GetUtcNow());
        try
        {
            await registrations.SaveAsync(registration, expectedVersion: 0, [registered], cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The participant is already registered for this session.",
                detail: $"Registration {registration.Id} already holds participant '{participant.ExternalRef}'.");
        }

        return TypedResults.Created(
            $"/training/sessions/{id}/registrations/{registration.Id}",
            new ParticipantRegisteredResponse(registration.Id, registration.ParticipantId));
    }

    public static ValidParticipant? Validate(RegisterParticipantRequest request, ValidationErrors errors)
    {
        if (!errors.Check(request.Participant is not null, "participant", "A participant is required."))
        {
            return null;
        }

        var p = request.Participant!;
        var externalRef = p.ExternalRef?.Trim();
        errors.Check(!string.IsNullOrEmpty(externalRef), "participant.externalRef", "The office's reference for the participant is required.");
        errors.Check(externalRef is null || externalRef.Length <= MaxExternalRefLength, "participant.externalRef",
            $"The reference is longer than {MaxExternalRefLength} characters.");
        errors.Check(p.Gender is not null && Enum.IsDefined(p.Gender.Value), "participant.gender", "A gender is required (female, male, other or undisclosed).");
        errors.Check(IsoCodes.IsCountry(p.CountryCode), "participant.countryCode",
            $"'{p.CountryCode}' is not an ISO 3166-1 alpha-3 country code such as \"GTM\".");
        errors.Check(p.AgencyType is not null && Enum.IsDefined(p.AgencyType.Value), "participant.agencyType", "An agency type is required.");
        return errors.Any ? null : new ValidParticipant(externalRef!, p.Gender!.Value, p.CountryCode!, p.AgencyType!.Value);
    }
}
