using Cybercrime.Platform.Storage;
using Cybercrime.Reporting.Awareness;
using Cybercrime.Reporting.Evidence;
using Cybercrime.Reporting.ExpertGroup;
using Cybercrime.Reporting.Training;

namespace Cybercrime.Reporting.Annual;

/// <summary>Every fact collection the summaries read, for the report to compute them in-process.</summary>
internal sealed record AnnualInputs(
    IDocumentCollection<SessionFacts> Sessions,
    IDocumentCollection<ParticipationFacts> Participations,
    IDocumentCollection<EvidenceFacts> Requests,
    IDocumentCollection<CampaignFacts> Campaigns,
    IDocumentCollection<ObservationFacts> Observations,
    IDocumentCollection<ActivityFacts> Activities,
    IDocumentCollection<ActivityCountryFacts> ActivityCountries,
    IDocumentCollection<MeetingFacts> Meetings,
    IDocumentCollection<DocumentFacts> Documents,
    IDocumentCollection<RecommendationFacts> Recommendations,
    TimeProvider Clock);
