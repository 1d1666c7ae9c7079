using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Training.Sessions;

internal sealed record SessionPage(IReadOnlyList<SessionView> Items, int Page, int PageSize, long Total);

/// <summary>
/// <c>GET /training/sessions?year=&amp;topic=&amp;country=&amp;format=&amp;page=&amp;pageSize=</c>: the office's sessions,
/// newest first. Without filters a page costs the same however many sessions the office has; with
/// filters its total is counted, at a cost that grows with the sessions that match.
/// </summary>
internal static class ListSessions
{
    public const int MaxPageSize = 200;

    /// <summary>So that the number of sessions skipped always fits.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public static void MapListSessions(this RouteGroupBuilder training) =>
        training.MapGet("/sessions", async (
                ClaimsPrincipal user, TrainingStore store, CancellationToken cancellationToken,
                int? year, string? topic, string? country, string? format, int page = 1, int pageSize = 50) =>
            {
                var errors = new ValidationErrors();
                var topicFilter = Parse<TrainingTopic>(topic, "topic", errors);
                var formatFilter = Parse<TrainingFormat>(format, "format", errors);
                errors.Check(year is not { } y || ReportingYears.Contains(y), "year",
                    $"A reporting year from {ReportingYears.First} to {ReportingYears.Last}, e.g. ?year=2020.");
                errors.Check(country is null || IsoCodes.IsCountry(country), "country", $"'{country}' is not an ISO 3166-1 alpha-3 country code such as \"GTM\".");
                errors.Check(page is >= 1 and <= MaxPage, "page", $"Pages are numbered from 1 to {MaxPage}.");
                errors.Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"A page holds 1 to {MaxPageSize} sessions.");
                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var office = user.Office()!;
                var filter = Filter.Equal("office", office);
                if (year is { } inYear)
                {
                    filter = filter.And(Filter.Between("details.endDate", new DateOnly(inYear, 1, 1), new DateOnly(inYear, 12, 31)));
                }

                if (topicFilter is { } t)
                {
                    filter = filter.And(Filter.Contains("details.topics", t));
                }

                if (country is not null)
                {
                    filter = filter.And(Filter.Equal("details.hostCountry", country));
                }

                if (formatFilter is { } f)
                {
                    filter = filter.And(Filter.Equal("details.format", f));
                }

                var query = new Query(filter, [Sort.Descend("details.startDate"), Sort.Ascending("id")], (page - 1) * pageSize, pageSize);
                var items = await store.Sessions.ListAsync(query, cancellationToken);

                // Unfiltered, the total is the office's kept count: one read. A filtered total is counted by
                // the store, so its cost grows with the sessions that match.
                var total = year is null && topicFilter is null && country is null && formatFilter is null
                    ? (await OfficeSessions.OfAsync(store, office, cancellationToken)).Scheduled
                    : await store.Sessions.CountAsync(filter, cancellationToken);
                return TypedResults.Ok(new SessionPage([.. items.Select(s => SessionView.Of(s))], page, pageSize, total));
            })
            .WithSummary("The caller's office's sessions, filtered and paged.")
            .WithDescription("Without filters a page costs the same however many sessions the office has; a filtered page's total is counted, at a cost that grows with the sessions that match.")
            .Produces<SessionPage>()
            .ProducesValidationProblem();

    private static TEnum? Parse<TEnum>(string? value, string field, ValidationErrors errors) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        return errors.Check(ContractJson.TryParse<TEnum>(value, out var parsed), field, $"'{value}' is not one of: {ContractJson.Names<TEnum>()}.")
            ? parsed
            : null;
    }
}
