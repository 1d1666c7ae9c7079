using Cybercrime.Contracts;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Platform.Storage;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Reporting.Evidence;

internal sealed record EmergencyFigures(int Requests, double? MedianTurnaroundDays);

internal sealed record EvidenceSummaryResponse(
    int Year,
    int Requests,
    int Cases,
    IReadOnlyDictionary<string, int> ByAddressee,
    IReadOnlyDictionary<EvidenceRequestType, int> ByRequestType,
    IReadOnlyDictionary<CrimeCategory, int> ByCrimeCategory,
    IReadOnlyDictionary<string, int> ByOutcome,
    int Open,
    int Overdue,
    double? FulfilmentRate,
    TurnaroundFigures TurnaroundDays,
    IReadOnlyDictionary<string, TurnaroundFigures> TurnaroundByAddressee,
    EmergencyFigures Emergency,
    string? Office = null,
    ProgrammeRegion? Region = null,
    string? RequestingCountry = null);

/// <summary>
/// The evidence summary computed by the store from the keyed facts: counts, grouped counts and a
/// distinct count of cases, and turnarounds as counts per number of days (per addressee and priority),
/// so that the rows read grow with the distinct turnarounds, never with the requests.
/// </summary>
internal sealed class EvidenceFigures(IDocumentCollection<EvidenceFacts> requests)
{
    private static readonly EvidenceClosure[] Decided = [EvidenceClosure.Fulfilled, EvidenceClosure.PartiallyFulfilled, EvidenceClosure.Refused];

    public async Task<EvidenceSummaryResponse> ComputeAsync(
        int year, string? office, ProgrammeRegion? region, string? requestingCountry, DateOnly today, CancellationToken cancellationToken)
    {
        var submitted = Filter.Equal("submittedYear", year).And(SummaryFilters.OfOffices(office, region));
        submitted = requestingCountry is null ? submitted : submitted.And(Filter.Equal("requestingCountry", requestingCountry));
        var open = submitted.And(Filter.Equal("open", true));

        var byAddressee = await requests.GroupAsync(submitted, ["addressee"], cancellationToken: cancellationToken);
        var byType = await requests.GroupAsync(submitted, ["requestType"], cancellationToken: cancellationToken);
        var byCrime = await requests.GroupAsync(submitted, ["crimeCategory"], cancellationToken: cancellationToken);
        var byClosure = (await requests.GroupAsync(submitted, ["closure"], cancellationToken: cancellationToken))
            .Where(g => g.Key[0] is not null)
            .ToDictionary(g => g.KeyAt<EvidenceClosure>(0), g => (int)g.Count);
        var byPriority = await requests.GroupAsync(submitted, ["priority"], cancellationToken: cancellationToken);
        var turnarounds = await requests.GroupAsync(
            submitted.And(Filter.AnyOf("closure", Decided)), ["addressee", "priority", "turnaroundDays"], cancellationToken: cancellationToken);

        var all = new Turnaround();
        var emergency = new Turnaround();
        var perAddressee = new SortedDictionary<string, Turnaround>(StringComparer.Ordinal);
        foreach (var group in turnarounds)
        {
            var days = group.KeyAt<int>(2);
            all.Add(days, group.Count);
            if (!perAddressee.TryGetValue(group.KeyAt<string>(0), out var addressee))
            {
                perAddressee[group.KeyAt<string>(0)] = addressee = new Turnaround();
            }

            addressee.Add(days, group.Count);
            if (group.KeyAt<EvidencePriority>(1) == EvidencePriority.Emergency)
            {
                emergency.Add(days, group.Count);
            }
        }

        var decided = Decided.Sum(byClosure.GetValueOrDefault);
        return new EvidenceSummaryResponse(
            year,
            (int)await requests.CountAsync(submitted, cancellationToken),
            (int)await requests.CountDistinctAsync(submitted, "caseKey", cancellationToken),
            byAddressee.ToDictionary(g => g.KeyAt<string>(0), g => (int)g.Count, StringComparer.Ordinal),
            byType.ToDictionary(g => g.KeyAt<EvidenceRequestType>(0), g => (int)g.Count),
            byCrime.ToDictionary(g => g.KeyAt<CrimeCategory>(0), g => (int)g.Count),
            new[] { EvidenceClosure.Fulfilled, EvidenceClosure.PartiallyFulfilled, EvidenceClosure.Refused, EvidenceClosure.Withdrawn }
                .ToDictionary(c => ContractJson.Name(c), c => byClosure.GetValueOrDefault(c), StringComparer.Ordinal),
            (int)await requests.CountAsync(open, cancellationToken),
            (int)await requests.CountAsync(open.And(Filter.Between("dueOn", null, today.AddDays(-1))), cancellationToken),
            decided == 0 ? null : (double)(byClosure.GetValueOrDefault(EvidenceClosure.Fulfilled) + byClosure.GetValueOrDefault(EvidenceClosure.PartiallyFulfilled)) / decided,
            all.Figures(),
            perAddressee.ToDictionary(p => p.Key, p => p.Value.Figures(), StringComparer.Ordinal),
            new EmergencyFigures((int)byPriority.Where(g => g.KeyAt<EvidencePriority>(0) == EvidencePriority.Emergency).Sum(g => g.Count), emergency.Median));
    }
}
