using System.Text.Json.Serialization;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Contracts.Training;

namespace Cybercrime.Evidence.Requests;

/// <summary>
/// What an office says about a request, validated: who asks (country and agency), whom (a provider, or a
/// state for mutual legal assistance, never both), for what and about which crime.
/// </summary>
internal sealed record RequestDetails(
    string RequestingCountry,
    AgencyType RequestingAgency,
    EvidenceProvider? Provider,
    string? State,
    EvidenceRequestType RequestType,
    CrimeCategory CrimeCategory,
    EvidencePriority Priority,
    string? LegalBasis)
{
    /// <summary>Whom the request goes to, as lists and reporting name it: a provider's wire name or a state's code.</summary>
    [JsonIgnore]
    public string Addressee => Provider is { } provider ? ContractJson.Name(provider) : State!;

    /// <summary>A request to another state: mutual legal assistance.</summary>
    [JsonIgnore]
    public bool IsMutualLegalAssistance => State is not null;
}
