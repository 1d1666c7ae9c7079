using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;

namespace Cybercrime.Reporting.Training;

/// <summary>
/// The summary's figures added up from counts of completions, then corrected for the people who
/// completed several sessions: each of those counts once, per topic, per format and in all, with
/// the gender, country, agency and office of their latest completion. A person is a criminal-justice
/// practitioner, and their country a criminal-justice country, by that latest completion's agency too
/// (decision 0018), and counts in the region of its office.
/// </summary>
internal sealed class Tally(IReadOnlyDictionary<string, SessionFacts> held)
{
    private readonly Dictionary<TrainingTopic, long> _byTopic = [];
    private readonly Dictionary<TrainingFormat, long> _byFormat = [];
    private readonly Dictionary<string, long> _byCountry = new(StringComparer.Ordinal);
    private readonly Dictionary<Gender, long> _byGender = [];
    private readonly Dictionary<AgencyType, long> _byAgency = [];
    private readonly Dictionary<string, long> _byOffice = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _criminalJusticeByCountry = new(StringComparer.Ordinal);
    private long _practitioners;
    private long _trainers;

    /// <summary>A session's completions, one practitioner each until <see cref="CountOnce"/> corrects the repeated.</summary>
    public void AddSession(SessionFacts session, long completions)
    {
        _practitioners += completions;
        _trainers += session.TrainTheTrainer ? completions : 0;
        foreach (var topic in session.Topics)
        {
            Add(_byTopic, topic, completions);
        }

        Add(_byFormat, session.Format, completions);
    }

    public void AddAttributes(string country, Gender gender, AgencyType agency, string office, long completions)
    {
        Add(_byCountry, country, completions);
        Add(_byGender, gender, completions);
        Add(_byAgency, agency, completions);
        Add(_byOffice, office, completions);
        if (CriminalJustice.Includes(agency))
        {
            Add(_criminalJusticeByCountry, country, completions);
        }
    }

    /// <summary>Takes back all but one of a person's completions, keeping their latest one's attributes.</summary>
    public void CountOnce(IReadOnlyList<ParticipationFacts> completions)
    {
        var latest = completions.MaxBy(p => (held[p.SessionId].EndDate, p.Id))!;
        _practitioners -= completions.Count - 1;
        _trainers -= Math.Max(0, completions.Count(p => held[p.SessionId].TrainTheTrainer) - 1);
        foreach (var topic in completions.SelectMany(p => held[p.SessionId].Topics).CountBy(t => t))
        {
            Add(_byTopic, topic.Key, 1 - topic.Value);
        }

        foreach (var format in completions.CountBy(p => held[p.SessionId].Format))
        {
            Add(_byFormat, format.Key, 1 - format.Value);
        }

        foreach (var p in completions)
        {
            AddAttributes(p.CountryCode, p.Gender, p.AgencyType, p.Office, -1);
        }

        AddAttributes(latest.CountryCode, latest.Gender, latest.AgencyType, latest.Office, 1);
    }

    public TrainingSummaryResponse Summary(int year, long participations, long completions, long headcount) => new(
        year,
        Office: null,
        Region: null,
        Topic: null,
        Format: null,
        (int)_practitioners,
        _byCountry.Count(c => c.Value > 0),
        (int)participations,
        (int)completions,
        (int)_trainers,
        headcount,
        Counted(_byTopic),
        Counted(_byCountry),
        Counted(_byGender),
        Counted(_byAgency),
        Counted(_byFormat),
        Counted(_byOffice),
        (int)_byAgency.Where(a => CriminalJustice.Includes(a.Key)).Sum(a => a.Value),
        _criminalJusticeByCountry.Count(c => c.Value > 0),
        Counted(_byOffice.GroupBy(o => Offices.RegionOf(o.Key)).ToDictionary(r => r.Key, r => r.Sum(o => o.Value))));

    private static void Add<TKey>(Dictionary<TKey, long> counts, TKey key, long count) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + count;

    private static Dictionary<TKey, int> Counted<TKey>(Dictionary<TKey, long> counts) where TKey : notnull =>
        counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => (int)c.Value, counts.Comparer);
}
