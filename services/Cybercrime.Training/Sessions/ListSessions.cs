using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;

namespace Cybercrime.Training.Sessions;

internal sealed record SessionPage(IReadOnlyList<SessionView> Items, int Page, int PageSize, int Total);

/// <summary><c>GET /training/sessions?year=&amp;topic=&amp;country=&amp;format=&amp;page=&amp;pageSize=</c>: the office's sessions, newest first.</summary>
internal static class ListSessions
{
    public const int MaxPageSize = 200;

    public static void MapListSessions(this RouteGroupBuilder training) =>
        training.MapGet("/sessions", async (
                ClaimsPrincipal user, TrainingStore store, CancellationToken cancellationToken,
                int? year, string? topic, string? country, string? format, int page = 1, int pageSize = 50) =>
            {
                var errors = new ValidationErrors();
                var topicFilter = Filter<TrainingTopic>(topic, "topic", errors);
                var formatFilter = Filter<TrainingFormat>(format, "format", errors);
                errors.Check(page >= 1, "page", "Pages are numbered from 1.");
                errors.Check(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"A page holds 1 to {MaxPageSize} sessions.");
                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var sessions = (await store.Sessions.WhereAsync("office", [user.Office()!], cancellationToken))
                    .Where(s => year is null || s.Details.EndDate.Year == year)
                    .Where(s => topicFilter is null || s.Details.Topics.Contains(topicFilter.Value))
                    .Where(s => country is null || s.Details.HostCountry == country)
                    .Where(s => formatFilter is null || s.Details.Format == formatFilter)
                    .OrderByDescending(s => s.Details.StartDate)
                    .ThenBy(s => s.Id, StringComparer.Ordinal)
                    .ToList();
                var items = sessions.Skip((page - 1) * pageSize).Take(pageSize).Select(s => SessionView.Of(s)).ToList();
                return TypedResults.Ok(new SessionPage(items, page, pageSize, sessions.Count));
            })
            .WithSummary("The caller's office's sessions, filtered and paged.");

    private static TEnum? Filter<TEnum>(string? value, string field, ValidationErrors errors) where TEnum : struct, Enum
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
