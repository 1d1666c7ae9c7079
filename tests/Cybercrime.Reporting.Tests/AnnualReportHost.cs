using Cybercrime.Contracts.Awareness;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Contracts.ExpertGroup;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Reporting.Awareness;
using Cybercrime.Reporting.Evidence;
using Cybercrime.Reporting.ExpertGroup;
using Cybercrime.Reporting.Training;
using Cybercrime.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Reporting.Tests;

/// <summary>
/// Reporting hosted over HTTP with a small fixed 2020 kept as its consumers keep facts. Training: a GUA
/// digital-evidence session (law enforcement GTM, prosecution SLV, judiciary HND, a teacher GTM), a BKK
/// cryptocurrency session (law enforcement THA, central bank VNM), a GUA multi-week prevention course
/// (teachers GTM and HND); no incident-response session. Evidence: GUA fulfilled in 10 days and refused
/// in 20 (one case), BKK fulfilled in 30. Awareness: GUA's "Navega seguro" 28.5 million TV views, another
/// GUA campaign 2.8 million on Twitter and LinkedIn, BKK's campaign 1,000; a GUA webinar of 1,642 from GTM and HND, a
/// BKK workshop of 100. Expert group: <see cref="ExpertGroupYear"/>.
/// </summary>
public sealed class AnnualReportHost : ServiceFactory<Program>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2020, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var sessions = Services.GetRequiredService<IDocumentCollection<SessionFacts>>();
        var participations = Services.GetRequiredService<IDocumentCollection<ParticipationFacts>>();
        var evidenceSession = TrainingFacts.Session(new DateOnly(2020, 5, 8), [TrainingTopic.DigitalEvidence], format: TrainingFormat.InPerson);
        var cryptocurrency = TrainingFacts.Session(new DateOnly(2020, 9, 10), [TrainingTopic.Cryptocurrency], office: "BKK");
        var course = TrainingFacts.Session(new DateOnly(2020, 11, 20), [TrainingTopic.Prevention], format: TrainingFormat.MultiWeekCourse);
        foreach (var session in new[] { evidenceSession, cryptocurrency, course })
        {
            await sessions.UpsertIfNewerAsync(SessionFacts.From(session), cancellationToken);
        }

        foreach (var (session, country, agency) in new[]
        {
            (evidenceSession, "GTM", AgencyType.LawEnforcement), (evidenceSession, "SLV", AgencyType.Prosecution), (evidenceSession, "HND", AgencyType.Judiciary),
            (evidenceSession, "GTM", AgencyType.Education), (cryptocurrency, "THA", AgencyType.LawEnforcement), (cryptocurrency, "VNM", AgencyType.CentralBank),
            (course, "GTM", AgencyType.Education), (course, "HND", AgencyType.Education),
        })
        {
            await participations.UpsertIfNewerAsync(ParticipationFacts.From(TrainingFacts.In(session, Guid.NewGuid(), country: country, agency: agency).Completion), cancellationToken);
        }

        var requests = Services.GetRequiredService<IDocumentCollection<EvidenceFacts>>();
        await requests.UpsertIfNewerAsync(EvidenceFacts.From(Request("GUA", "case-a", 10, EvidenceOutcome.Fulfilled)), cancellationToken);
        await requests.UpsertIfNewerAsync(EvidenceFacts.From(Request("GUA", "case-a", 20, EvidenceOutcome.Refused)), cancellationToken);
        await requests.UpsertIfNewerAsync(EvidenceFacts.From(Request("BKK", "case-b", 30, EvidenceOutcome.Fulfilled)), cancellationToken);

        var awareness = new AwarenessFactsConsumer(
            Services.GetRequiredService<IDocumentCollection<CampaignFacts>>(), Services.GetRequiredService<IDocumentCollection<ObservationFacts>>(),
            Services.GetRequiredService<IDocumentCollection<ActivityFacts>>(), Services.GetRequiredService<IDocumentCollection<ActivityCountryFacts>>());
        var navega = Guid.NewGuid();
        var social = Guid.NewGuid();
        var think = Guid.NewGuid();
        await awareness.Keep(Campaign("GUA", navega, "Navega seguro"), cancellationToken);
        await awareness.Keep(Campaign("GUA", social, "Ciberseguridad en redes"), cancellationToken);
        await awareness.Keep(Campaign("BKK", think, "Think before you click"), cancellationToken);
        await awareness.Keep(Views("GUA", navega, Channel.Tv, 28_500_000), cancellationToken);
        await awareness.Keep(Views("GUA", social, Channel.Twitter, 2_000_000), cancellationToken);
        await awareness.Keep(Views("GUA", social, Channel.Linkedin, 800_000), cancellationToken);
        await awareness.Keep(Views("BKK", think, Channel.Tv, 1_000), cancellationToken);
        await awareness.Keep(Activity("GUA", ActivityKind.Webinar, ("GTM", 1_412), ("HND", 230)), cancellationToken);
        await awareness.Keep(Activity("BKK", ActivityKind.Workshop, ("THA", 100)), cancellationToken);

        var meetings = Services.GetRequiredService<IDocumentCollection<MeetingFacts>>();
        var documents = Services.GetRequiredService<IDocumentCollection<DocumentFacts>>();
        var recommendations = Services.GetRequiredService<IDocumentCollection<RecommendationFacts>>();
        foreach (var e in ExpertGroupYear.Events())
        {
            await (e switch
            {
                IMeetingEvent m => meetings.UpsertIfNewerAsync(MeetingFacts.From(m), cancellationToken),
                IDocumentEvent d => documents.UpsertIfNewerAsync(DocumentFacts.From(d), cancellationToken),
                IRecommendationEvent r => recommendations.UpsertIfNewerAsync(RecommendationFacts.From(r), cancellationToken),
                _ => throw new ArgumentException(e.GetType().Name),
            });
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => DisposeAsync();

    private static EvidenceRequestCompleted Request(string office, string caseKey, int days, EvidenceOutcome outcome)
    {
        var on = new DateOnly(2020, 3, 2);
        return new EvidenceRequestCompleted(Guid.NewGuid(), At, office, Guid.NewGuid(), 3, new EvidenceRequestSnapshot(
            "SLV", AgencyType.Prosecution, EvidenceProvider.Facebook, null, EvidenceRequestType.SubscriberInformation, CrimeCategory.Ocsea, EvidencePriority.Standard,
            caseKey, EvidenceRequestStatus.Completed, on, null, on.AddDays(30), null, outcome, outcome == EvidenceOutcome.Refused ? RefusalReason.LegalGrounds : null,
            on.AddDays(days), false));
    }

    private static CampaignLaunched Campaign(string office, Guid id, string name) => new(Guid.NewGuid(), At, office, id, 1, new CampaignSnapshot(
        name, [CampaignAudience.Parents], ["GTM"], ["es"], [Channel.Tv, Channel.Twitter, Channel.Linkedin], [], new DateOnly(2020, 3, 1), new DateOnly(2020, 12, 31), CampaignStatus.Running));

    private static ObservationRecorded Views(string office, Guid campaign, Channel channel, long views) =>
        new(Guid.NewGuid(), At, office, Guid.NewGuid(), 1, campaign, channel, ReachMetric.Views, "2020-05", "GTM", "es", views, null);

    private static ActivityHeld Activity(string office, ActivityKind kind, params (string Country, int Count)[] participants) =>
        new(Guid.NewGuid(), At, office, Guid.NewGuid(), 1, new ActivitySnapshot(
            "Activity", kind, new DateOnly(2020, 6, 18), ["es"], null, [.. participants.Select(p => new ParticipantCount(p.Country, p.Count))]));
}
