using Cybercrime.Contracts;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;

namespace Cybercrime.Evidence.Requests;

/// <summary>Whom a request goes to: a provider, or a state (ISO 3166-1 alpha-3) for mutual legal assistance; exactly one.</summary>
internal sealed record AddresseeBody(EvidenceProvider? Provider, string? State);

/// <summary>The body of <c>POST /evidence/requests</c> and <c>PUT /evidence/requests/{id}</c>, and a row of an import.</summary>
internal sealed record RequestBody(
    string? RequestingCountry,
    AgencyType? RequestingAgency,
    AddresseeBody? Addressee,
    EvidenceRequestType? RequestType,
    CrimeCategory? CrimeCategory,
    EvidencePriority? Priority,
    string? LegalBasis,
    string? CaseReference)
{
    public const int MaxLegalBasisLength = 500;
    public const int MaxCaseReferenceLength = 100;

    /// <summary>Every field's rule, each named under <paramref name="prefix"/>; the valid details and case reference, or null.</summary>
    public (RequestDetails Details, string CaseReference)? Validate(ValidationErrors errors, string prefix = "")
    {
        var valid = errors.Check(IsoCodes.IsCountry(RequestingCountry), $"{prefix}requestingCountry",
            RequestingCountry is null ? "The requesting country is required (ISO 3166-1 alpha-3, e.g. \"SLV\")." : $"'{RequestingCountry}' is not an ISO 3166-1 alpha-3 country code such as \"SLV\".");
        valid &= errors.Check(RequestingAgency is { } agency && Enum.IsDefined(agency), $"{prefix}requestingAgency", $"The requesting agency is required: {ContractJson.Names<AgencyType>()}.");
        var provider = Addressee?.Provider;
        var state = Addressee?.State;
        if (provider is null == state is null)
        {
            valid = false;
            errors.Add($"{prefix}addressee", provider is null
                ? "The addressee is required: {\"provider\":…} for a service provider or {\"state\":…} for mutual legal assistance."
                : "The addressee is a provider or a state, not both.");
        }
        else
        {
            valid &= errors.Check(provider is null || Enum.IsDefined(provider.Value), $"{prefix}addressee.provider", $"Unknown provider; one of: {ContractJson.Names<EvidenceProvider>()}.");
            valid &= errors.Check(state is null || IsoCodes.IsCountry(state), $"{prefix}addressee.state", $"'{state}' is not an ISO 3166-1 alpha-3 country code such as \"USA\".");
        }

        valid &= errors.Check(RequestType is { } type && Enum.IsDefined(type), $"{prefix}requestType", $"The request type is required: {ContractJson.Names<EvidenceRequestType>()}.");
        valid &= errors.Check(CrimeCategory is { } crime && Enum.IsDefined(crime), $"{prefix}crimeCategory", $"The crime category is required: {ContractJson.Names<CrimeCategory>()}.");
        valid &= errors.Check(Priority is { } priority && Enum.IsDefined(priority), $"{prefix}priority", $"The priority is required: {ContractJson.Names<EvidencePriority>()}.");
        valid &= FreeText.Check(errors, $"{prefix}legalBasis", LegalBasis, MaxLegalBasisLength, out var legalBasis);
        valid &= FreeText.Check(errors, $"{prefix}caseReference", CaseReference, MaxCaseReferenceLength, out var caseReference, "The case reference is required; it is kept only as a keyed hash.");

        return !valid
            ? null
            : (new RequestDetails(RequestingCountry!, RequestingAgency!.Value, provider, state, RequestType!.Value, CrimeCategory!.Value, Priority!.Value, legalBasis),
                caseReference!);
    }
}
