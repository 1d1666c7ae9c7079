using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Storage;

namespace Cybercrime.Training.Registrations;

internal sealed record ParticipantRequest(string? ExternalRef, Gender? Gender, string? CountryCode, AgencyType? AgencyType, string? Role = null);

internal sealed record RegisterParticipantRequest(ParticipantRequest? Participant);

internal sealed record RegistrationView(string RegistrationId, Guid ParticipantId, EnrolmentStatus Status, long? WaitlistPosition);

/// <summary>
/// <c>POST /training/sessions/{id}/registrations</c>: registers a participant for one of the office's
/// sessions; when the session is full they join the waitlist (201 either way, with the status).
/// </summary>
internal static class RegisterParticipant
{
    public const int MaxExternalRefLength = 100;
    public const int MaxRoleLength = 100;

    public static void MapRegisterParticipant(this RouteGroupBuilder training) =>
        training.MapPost("/sessions/{id:guid}/registrations", HandleAsync)
            .WithSummary("Registers a participant, identified by the office's own reference, or waitlists them when the session is full.")
            .Produces<RegistrationView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> HandleAsync(
        Guid id, RegisterParticipantRequest request, ClaimsPrincipal user, HttpContext http, TrainingStore training, ParticipantIdentity identity, TimeProvider clock) =>
        training.Store.RunAsync(http, request, async () =>
        {
            var errors = new ValidationErrors();
            if (Validate(request.Participant, "participant", errors) is not { } participant)
            {
                return CommandOutcome.Refuse(errors.ToResult());
            }

            var (session, denied) = await training.FindOwnSessionAsync(id, user, http.RequestAborted);
            if (denied is not null)
            {
                return CommandOutcome.Refuse(denied);
            }

            var participantId = identity.Of(session!.Office, participant.ExternalRef);
            var registrationId = ParticipantIdentity.Registration(session.Id, participantId);
            var existing = await training.Registrations.FindAsync(registrationId.ToString(), http.RequestAborted);
            var result = Enrolment.Register(session, existing, participant, participantId, clock.GetUtcNow());
            if (result is Enrolment.Refused refused)
            {
                return CommandOutcome.Refuse(refused.Problem);
            }

            var applied = (Enrolment.Applied)result;
            var changes = new Changes()
                .Save(applied.Session, session.Version)
                .Save(applied.Registration, existing?.Version ?? 0, applied.Event());
            var r = applied.Registration;
            return CommandOutcome.Commit(
                changes, StatusCodes.Status201Created, new RegistrationView(r.Id, r.ParticipantId, r.Status, r.WaitlistPosition),
                $"/training/sessions/{id}/registrations/{r.Id}");
        }, turn: $"{id}");

    /// <summary>A participant's fields; <paramref name="field"/> prefixes the names in messages (a JSON path or a CSV row).</summary>
    public static ValidParticipant? Validate(ParticipantRequest? p, string field, ValidationErrors errors)
    {
        if (!errors.Check(p is not null, field, "A participant is required."))
        {
            return null;
        }

        var valid = FreeText.Check(errors, $"{field}.externalRef", p!.ExternalRef, MaxExternalRefLength, out var externalRef,
            "The office's reference for the participant is required.");
        valid &= errors.Check(p.Gender is not null && Enum.IsDefined(p.Gender.Value), $"{field}.gender",
            $"A gender is required: {ContractJson.Names<Gender>()}.");
        valid &= errors.Check(IsoCodes.IsCountry(p.CountryCode), $"{field}.countryCode",
            $"'{p.CountryCode}' is not an ISO 3166-1 alpha-3 country code such as \"GTM\".");
        valid &= errors.Check(p.AgencyType is not null && Enum.IsDefined(p.AgencyType.Value), $"{field}.agencyType",
            $"An agency type is required: {ContractJson.Names<AgencyType>()}.");
        valid &= FreeText.Check(errors, $"{field}.role", p.Role, MaxRoleLength, out var role);
        return valid ? new ValidParticipant(externalRef!, p.Gender!.Value, p.CountryCode!, p.AgencyType!.Value, role) : null;
    }
}
