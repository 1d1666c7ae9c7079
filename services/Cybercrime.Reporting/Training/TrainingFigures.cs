using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Reporting.Training;

/// <summary>
/// The training summary computed by the store from the keyed facts, reading a few grouped rows rather
/// than every participation: completions are counted per session and per (country, gender, agency,
/// office), and only the people who completed more than one session in the year are read one by one,
/// to count each of them once, with the attributes of their latest completion. A topic or format asked
/// for narrows the sessions, and so everything counted from them.
/// </summary>
internal sealed class TrainingFigures(IDocumentCollection<SessionFacts> sessions, IDocumentCollection<ParticipationFacts> participations)
{
    public async Task<TrainingSummaryResponse> ComputeAsync(
        int year, string? office, ProgrammeRegion? region, TrainingTopic? topic, TrainingFormat? format, CancellationToken cancellationToken)
    {
        // A year holds a few hundred sessions at most: topic and format narrow them here, after the indexed read.
        var held = (await sessions.ListAsync(new Query(HeldIn(year, office, region), []), cancellationToken))
            .Where(s => (topic is not { } t || s.Topics.Contains(t)) && (format is not { } f || s.Format == f))
            .ToDictionary(s => s.Id);
        var inHeld = Filter.AnyOf("sessionId", held.Keys);
        var completed = inHeld.And(Filter.Equal("status", EnrolmentStatus.Completed));

        var byStatus = await participations.GroupAsync(inHeld, ["sessionId", "status"], cancellationToken: cancellationToken);
        var byAttributes = await participations.GroupAsync(completed, ["countryCode", "gender", "agencyType", "office"], cancellationToken: cancellationToken);
        var repeaters = await participations.GroupAsync(completed, ["participantId"], minCount: 2, cancellationToken: cancellationToken);
        // Found by person alone, so that the store takes the participantId index; the few of other years or statuses are dropped here.
        var repeated = repeaters.Count == 0
            ? []
            : (await participations.ListAsync(new Query(Filter.AnyOf("participantId", repeaters.Select(g => g.KeyAt<Guid>(0))), []), cancellationToken))
                .Where(p => p.Status == EnrolmentStatus.Completed && held.ContainsKey(p.SessionId))
                .ToList();

        var perSession = byStatus
            .Where(g => g.KeyAt<EnrolmentStatus>(1) == EnrolmentStatus.Completed)
            .ToDictionary(g => g.KeyAt<string>(0), g => g.Count);
        var tally = new Tally(held);
        foreach (var (sessionId, count) in perSession)
        {
            tally.AddSession(held[sessionId], count);
        }

        foreach (var group in byAttributes)
        {
            tally.AddAttributes(group.KeyAt<string>(0), group.KeyAt<Gender>(1), group.KeyAt<AgencyType>(2), group.KeyAt<string>(3), group.Count);
        }

        foreach (var person in repeated.GroupBy(p => p.ParticipantId))
        {
            tally.CountOnce([.. person]);
        }

        return tally.Summary(
            year,
            byStatus.Where(g => ParticipationFacts.TakesPart(g.KeyAt<EnrolmentStatus>(1))).Sum(g => g.Count),
            perSession.Values.Sum(),
            held.Values.Sum(s => s.Headcounts.Sum(h => (long)h.Count)));
    }

    /// <summary>Sessions that count in the year: ending in it, not cancelled, of the office or region asked for.</summary>
    private static Filter HeldIn(int year, string? office, ProgrammeRegion? region) =>
        Filter.Equal("endYear", year).And(Filter.Equal("cancelled", false)).And(SummaryFilters.OfOffices(office, region));
}
