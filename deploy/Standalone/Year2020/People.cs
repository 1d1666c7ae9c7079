namespace Cybercrime.Standalone.Year2020;

/// <summary>One participant as an office's course platform lists them; the reference is the office's own.</summary>
internal sealed record Person(string Office, string Ref, string Gender, string Country, string Agency, string? Role);

/// <summary>
/// Draws people of one office from a seeded <see cref="Random"/>: the first of a cohort take each of its
/// countries once (so every country planned has someone), the rest are drawn; genders and agencies by share.
/// </summary>
internal sealed class People(Random random)
{
    public IReadOnlyList<Person> Cohort(string office, string prefix, int size, string[] countries, (string Agency, int Share)[] agencies, double female, string? role = null)
    {
        var people = new List<Person>(size);
        for (var i = 0; i < size; i++)
        {
            var country = i < countries.Length ? countries[i] : countries[random.Next(countries.Length)];
            var gender = random.NextDouble() < female ? "female" : "male";
            people.Add(new Person(office, $"{prefix}-{i + 1:0000}", gender, country, Pick(agencies), role));
        }

        return people;
    }

    /// <summary><paramref name="count"/> people of <paramref name="from"/>, drawn without repeat: those who come back for a second session.</summary>
    public IReadOnlyList<Person> Some(IReadOnlyList<Person> from, int count) =>
        [.. from.OrderBy(_ => random.Next()).Take(count)];

    /// <summary>The cohort cut into <paramref name="parts"/> consecutive groups of near-equal size, one per session.</summary>
    public static IReadOnlyList<Person>[] Split(IReadOnlyList<Person> cohort, int parts) =>
        [.. Enumerable.Range(0, parts).Select(p => cohort.Skip(cohort.Count * p / parts).Take((cohort.Count * (p + 1) / parts) - (cohort.Count * p / parts)).ToList())];

    private string Pick((string Agency, int Share)[] agencies)
    {
        var draw = random.Next(agencies.Sum(a => a.Share));
        foreach (var (agency, share) in agencies)
        {
            if ((draw -= share) < 0)
            {
                return agency;
            }
        }

        return agencies[^1].Agency;
    }
}
