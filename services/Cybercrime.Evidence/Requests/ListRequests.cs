using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Evidence;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Evidence.Requests;

internal sealed record RequestPage(IReadOnlyList<RequestView> Items, int Page, int PageSize, long Total);

/// <summary>
/// <c>GET /evidence/requests?status=&amp;addressee=&amp;type=&amp;year=&amp;overdue=&amp;case=&amp;page=&amp;pageSize=</c>: the
/// office's requests, newest first, filtered and paged by the store. <c>addressee</c> is a provider or a
/// state's code; <c>year</c> the year submitted; <c>case</c> a case reference, matched exactly through its keyed hash.
/// </summary>
internal static class ListRequests
{
    public const int MaxPageSize = 200;
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public static void MapListRequests(this RouteGroupBuilder evidence) =>
        evidence.MapGet("/requests", async (
                ClaimsPrincipal user, EvidenceStore evidence, CaseKeys cases, CancellationToken cancellationToken,
                string? status, string? addressee, string? type, int? year, bool? overdue, string? @case, int page = 1, int pageSize = 50) =>
            {
                var errors = new ValidationErrors();
                var statusFilter = Parse<EvidenceRequestStatus>(status, "status", errors);
                var typeFilter = Parse<EvidenceRequestType>(type, "type", errors);
                errors.Check(addressee is null || IsoCodes.IsCountry(addressee) || ContractJson.TryParse<EvidenceProvider>(addressee, out _), "addressee",
                    $"'{addressee}' is neither a provider ({ContractJson.Names<EvidenceProvider>()}) nor an ISO 3166-1 alpha-3 state code such as \"USA\".");
                errors.Check(year is not { } y || ReportingYears.Contains(y), "year", $"A reporting year from {ReportingYears.First} to {ReportingYears.Last}, e.g. ?year=2020.");
                FreeText.Check(errors, "case", @case, RequestBody.MaxCaseReferenceLength, out var caseReference);
                errors.Check(page is >= 1 and <= MaxPage, "page", $"Pages are numbered from 1 to {MaxPage}.");
                errors.Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"A page holds 1 to {MaxPageSize} requests.");
                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var office = user.Office()!;
                var filter = Filter.Equal("office", office).And(Filter.Equal("deleted", false));
                filter = statusFilter is { } s ? filter.And(Filter.Equal("status", s)) : filter;
                filter = addressee is not null ? filter.And(Filter.Equal("addressee", addressee)) : filter;
                filter = typeFilter is { } t ? filter.And(Filter.Equal("details.requestType", t)) : filter;
                filter = year is { } inYear ? filter.And(Filter.Equal("submittedYear", inYear)) : filter;
                filter = overdue is { } o ? filter.And(Filter.Equal("overdueNow", o)) : filter;
                filter = caseReference is not null ? filter.And(Filter.Equal("caseKey", cases.Of(office, caseReference))) : filter;

                var query = new Query(filter, [Sort.Descend("createdAt"), Sort.Descend("id")], (page - 1) * pageSize, pageSize);
                var found = await evidence.Requests.PageAsync(query, cancellationToken);
                return TypedResults.Ok(new RequestPage([.. found.Items.Select(r => RequestView.Of(r))], page, pageSize, found.Total));
            })
            .WithSummary("The caller's office's requests, filtered and paged.")
            .Produces<RequestPage>()
            .ProducesValidationProblem();

    private static TEnum? Parse<TEnum>(string? value, string field, ValidationErrors errors) where TEnum : struct, Enum =>
        value is null ? null
        : errors.Check(ContractJson.TryParse<TEnum>(value, out var parsed), field, $"'{value}' is not one of: {ContractJson.Names<TEnum>()}.") ? parsed
        : null;
}
