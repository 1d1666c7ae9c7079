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
    /// that names no export format is the route's to read, not a format asked for.
    /// </param>
    public static ExportFormat? Choose(HttpRequest request, IReadOnlyList<ExportFormat> offered, bool routeOwnsFormat)
    {
        if (request.Query.TryGetValue("format", out var asked)
            && (!routeOwnsFormat || Enum.GetValues<ExportFormat>().Any(f => Names(f, asked))))
        {
            return offered.Where(f => Names(f, asked)).Select(f => (ExportFormat?)f).FirstOrDefault();
        }

        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return offered[0];
        }

        // OrderByDescending is stable: equally preferred types keep the order the client gave them.
        foreach (var range in accept.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1))
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

    private static bool Names(ExportFormat format, Microsoft.Extensions.Primitives.StringValues asked) =>
        string.Equals(QueryName(format), asked.ToString(), StringComparison.OrdinalIgnoreCase);

    private static bool Covers(MediaTypeHeaderValue range, string mediaType) =>
        range.MatchesAllTypes
        || (range.MatchesAllSubTypes && mediaType.StartsWith($"{range.Type}/", StringComparison.OrdinalIgnoreCase))
        || string.Equals(range.MediaType.Value, mediaType, StringComparison.OrdinalIgnoreCase);
}
