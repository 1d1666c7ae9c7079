using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Reporting.Training;

namespace Cybercrime.Reporting.Tests;

/// <summary>
/// The summary as it was computed before the store did it: every fact in memory, straight from the
/// rules. The store's figures must equal these on any facts.
/// </summary>
internal static class ReferenceSummary
{
    public static TrainingSummaryResponse Compute(int year, IReadOnlyList<SessionFacts> sessions, IReadOnlyList<ParticipationFacts> participations)
    {
        var held = sessions.Where(s => s.EndYear == year && !s.Cancelled).ToDictionary(s => s.Id);
        var inYear = participations.Where(p => held.ContainsKey(p.SessionId)).ToList();
        var completed = inYear.Where(p => p.Status == EnrolmentStatus.Completed).ToList();

        var practitioners = completed
            .GroupBy(p => p.ParticipantId)
            .Select(person => person.MaxBy(p => (held[p.SessionId].EndDate, p.Id))!)
            .ToList();
        var criminalJustice = practitioners.Where(p => CriminalJustice.Includes(p.AgencyType)).ToList();

        return new TrainingSummaryResponse(
            year,
            Office: null,
            Region: null,
            Topic: null,
            Format: null,
            practitioners.Count,
            practitioners.Select(p => p.CountryCode).Distinct(StringComparer.Ordinal).Count(),
            inYear.Count(p => ParticipationFacts.TakesPart(p.Status)),
            completed.Count,
            completed.Where(p => held[p.SessionId].TrainTheTrainer).Select(p => p.ParticipantId).Distinct().Count(),
            held.Values.Sum(s => s.Headcounts.Sum(h => (long)h.Count)),
            DistinctPer(completed, p => held[p.SessionId].Topics),
            practitioners.CountBy(p => p.CountryCode).ToDictionary(),
            practitioners.CountBy(p => p.Gender).ToDictionary(),
            practitioners.CountBy(p => p.AgencyType).ToDictionary(),
            DistinctPer<TrainingFormat>(completed, p => [held[p.SessionId].Format]),
            practitioners.CountBy(p => p.Office).ToDictionary(),
            criminalJustice.Count,
            criminalJustice.Select(p => p.CountryCode).Distinct(StringComparer.Ordinal).Count(),
            practitioners.CountBy(p => Offices.RegionOf(p.Office)).ToDictionary());
    }

    private static Dictionary<TKey, int> DistinctPer<TKey>(IEnumerable<ParticipationFacts> completed, Func<ParticipationFacts, IEnumerable<TKey>> keys)
        where TKey : notnull =>
        completed
            .SelectMany(p => keys(p).Select(key => (key, p.ParticipantId)))
            .Distinct()
            .CountBy(pair => pair.key)
            .ToDictionary();
}
