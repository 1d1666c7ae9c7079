using System.Net;
using System.Text;
using Cybercrime.Contracts;

namespace Cybercrime.Reporting.Annual;

/// <summary>
/// The report as a small self-contained HTML page (no script, no external asset): a landmark, headings,
/// a paragraph per statement, each figure a link to its query whose title names the fields, and links to the exports.
/// </summary>
internal static class HtmlReport
{
    private const string Style = "body{font:1rem/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fff}"
        + "a{color:#0a4f9e}a:focus{outline:3px solid #f2a900}.note{font-style:italic;color:#444}nav{margin-top:2rem}";

    /// <summary>
    /// The page with headers that keep it inert wherever it is opened: nothing loads or runs but its own
    /// inline style, and no browser reads it as anything but HTML.
    /// </summary>
    public static IResult Answer(HttpContext http, AnnualReport report)
    {
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Text(Write(report), "text/html; charset=utf-8");
    }

    public static string Write(AnnualReport report)
    {
        var title = $"Annual report {report.Year}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(title).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n<h1>").Append(title).Append("</h1>\n");
        if (MarkdownReport.Selection(report) is { } selection)
        {
            html.Append("<p>").Append(Encode(selection)).Append("</p>\n");
        }

        foreach (var section in report.Sections)
        {
            html.Append("<section aria-labelledby=\"").Append(section.Id).Append("\">\n<h2 id=\"").Append(section.Id).Append("\">").Append(Encode(section.Title)).Append("</h2>\n");
            if (section.Note is not null)
            {
                html.Append("<p class=\"note\">").Append(Encode(section.Note)).Append("</p>\n");
            }

            foreach (var statement in section.Statements)
            {
                html.Append("<p id=\"").Append(section.Id).Append('-').Append(statement.Id).Append("\">")
                    .Append(statement.Render(f => $"<a href=\"{Encode(f.Href)}\" title=\"{Encode(string.Join(" + ", f.Fields))}\">{Encode(f.Shown)}</a>", Encode))
                    .Append("</p>\n");
            }

            if (section.Statements.Count == 0)
            {
                html.Append("<p>Nothing to report for this selection.</p>\n");
            }

            html.Append("</section>\n");
        }

        var query = string.Concat(new[] { ("office", report.Office), ("region", report.Region is { } r ? ContractJson.Name(r) : null) }
            .Where(p => p.Item2 is not null).Select(p => $"&{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        html.Append("<nav aria-label=\"Other formats\"><p>This report as ");
        html.AppendJoin(", ", new[] { ("json", "JSON"), ("md", "Markdown"), ("csv", "CSV") }.Select(f => $"<a href=\"?format={f.Item1}{Encode(query)}\">{f.Item2}</a>"));
        html.Append(" or <a href=\"?format=xlsx").Append(Encode(query)).Append("\">XLSX</a>.</p></nav>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
