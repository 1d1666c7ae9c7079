using Microsoft.Net.Http.Headers;

namespace Cybercrime.Reporting.Exports;

internal enum ExportFormat
{
    Json,
    Markdown,
    Html,
    Csv,
    Xlsx,
}

/// <summary>
/// Which of the formats a route offers a request asks for: <c>?format=</c> when given (for plain links),
/// else the <c>Accept</c> header, most preferred first, the route's first format for <c>*/*</c> or no header.
/// Null when nothing asked for is offered: the route answers 406.
/// </summary>
internal static class Negotiation
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string QueryName(ExportFormat format) => format switch
    {
        ExportFormat.Markdown => "md",
        _ => format.ToString().ToLowerInvariant(),
    };

    public static string MediaType(ExportFormat format) => format switch
    {
        ExportFormat.Json => "application/json",
        ExportFormat.Markdown => "text/markdown",
        ExportFormat.Html => "text/html",
        ExportFormat.Csv => "text/csv",
        _ => XlsxType,
    };

    /// <param name="routeOwnsFormat">
    /// The route has a <c>format</c> parameter of its own (the training summary's training format): a value
    /// that names no export format is the route's to read (<see cref="RouteValues"/>), not a format asked for.
    /// </param>
    /// <param name="problem">Set when <c>?format=</c> is empty or names two export formats: the route answers 400.</param>
    public static ExportFormat? Choose(HttpRequest request, IReadOnlyList<ExportFormat> offered, bool routeOwnsFormat, out string? problem)
    {
        problem = null;
        if (request.Query.TryGetValue("format", out var asked))
        {
            var exports = asked.Where(IsExportName).ToList();
            if (asked.Any(string.IsNullOrWhiteSpace))
            {
                problem = $"An empty format names nothing: give one of {string.Join(", ", offered.Select(QueryName))}, or leave ?format= out.";
                return null;
            }

            if (exports.Count > 1 || (!routeOwnsFormat && asked.Count > 1))
            {
                problem = $"Give one format, not {string.Join(" and ", asked.Select(a => $"'{a}'"))}.";
                return null;
            }

            if (exports.Count == 1 || !routeOwnsFormat)
            {
                var name = exports.Count == 1 ? exports[0] : asked.ToString();
                return offered.Where(f => Names(f, name)).Select(f => (ExportFormat?)f).FirstOrDefault();
            }
        }

        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return offered[0];
        }

        // OrderByDescending is stable: equally preferred types keep the order the client gave them, and a
        // range such as text/* picks the first type the route offers that it covers. A q that is no number
        // (q=abc) counts as q=0: the range is ignored, as one the client does not accept.
        foreach (var range in accept.Where(a => a.Quality is not 0 && !HasMalformedQuality(a)).OrderByDescending(a => a.Quality ?? 1))
        {
            foreach (var format in offered)
            {
                if (Covers(range, MediaType(format)))
                {
                    return format;
                }
            }
        }

        return null;
    }

    /// <summary>The values of <c>?format=</c> that name no export format: a route's own <c>format</c> parameter.</summary>
    public static string[] RouteValues(string[]? format) => [.. (format ?? []).Where(f => !IsExportName(f))];

    private static bool IsExportName(string? value) => Enum.GetValues<ExportFormat>().Any(f => Names(f, value));

    private static bool HasMalformedQuality(MediaTypeHeaderValue range) =>
        range.Quality is null && range.Parameters.Any(p => string.Equals(p.Name.Value, "q", StringComparison.OrdinalIgnoreCase));

    private static bool Names(ExportFormat format, string? asked) =>
        string.Equals(QueryName(format), asked, StringComparison.OrdinalIgnoreCase);

    private static bool Covers(MediaTypeHeaderValue range, string mediaType) =>
        range.MatchesAllTypes
        || (range.MatchesAllSubTypes && mediaType.StartsWith($"{range.Type}/", StringComparison.OrdinalIgnoreCase))
        || string.Equals(range.MediaType.Value, mediaType, StringComparison.OrdinalIgnoreCase);
}
