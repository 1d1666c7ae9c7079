using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage.Queries;

namespace Cybercrime.Training.Sessions;

internal sealed record SessionPage(IReadOnlyList<SessionView> Items, int Page, int PageSize, long Total);

/// <summary><c>GET /training/sessions?year=&amp;topic=&amp;country=&amp;format=&amp;page=&amp;pageSize=</c>: the office's sessions, newest first.</summary>
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
                errors.Check(year is null or (>= 1 and <= 9999), "year", "A year from 1 to 9999, e.g. ?year=2020.");
                errors.Check(page is >= 1 and <= MaxPage, "page", $"Pages are numbered from 1 to {MaxPage}.");
                errors.Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"A page holds 1 to {MaxPageSize} sessions.");
                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var filter = Filter.Equal("office", user.Office()!);
                if (year is { } y)
                {
                    filter = filter.And(Filter.Between("details.endDate", new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)));
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
                var found = await store.Sessions.PageAsync(query, cancellationToken);
                return TypedResults.Ok(new SessionPage([.. found.Items.Select(s => SessionView.Of(s))], page, pageSize, found.Total));
            })
            .WithSummary("The caller's office's sessions, filtered and paged.");

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
