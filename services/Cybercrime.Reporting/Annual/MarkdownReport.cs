using System.Text;
using System.Text.RegularExpressions;
using Cybercrime.Contracts;

namespace Cybercrime.Reporting.Annual;

/// <summary>The report as Markdown: a heading per section, a paragraph per statement, each figure a link to its query.</summary>
internal static partial class MarkdownReport
{
    public static string Write(AnnualReport report)
    {
        var text = new StringBuilder();
        text.Append("# Annual report ").Append(report.Year).Append("\n\n");
        if (Selection(report) is { } selection)
        {
            text.Append(Escape(selection)).Append("\n\n");
        }

        foreach (var section in report.Sections)
        {
            text.Append("## ").Append(Escape(section.Title)).Append("\n\n");
            if (section.Note is not null)
            {
                text.Append('_').Append(Escape(section.Note)).Append("_\n\n");
            }

            foreach (var statement in section.Statements)
            {
                text.Append(statement.Render(f => $"[{f.Shown}]({f.Href} \"{string.Join(" + ", f.Fields)}\")", Escape)).Append("\n\n");
            }

            if (section.Statements.Count == 0)
            {
                text.Append("Nothing to report for this selection.\n\n");
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>"Office GUA, region africa." or null.</summary>
    public static string? Selection(AnnualReport report)
    {
        var parts = new[] { report.Office is null ? null : $"office {report.Office}", report.Region is { } r ? $"region {ContractJson.Name(r)}" : null }.OfType<string>().ToList();
        return parts.Count == 0 ? null : $"For {string.Join(", ", parts)}.";
    }

    /// <summary>Data (a campaign's name) read as text, never as Markdown.</summary>
    private static string Escape(string text) => Special().Replace(text, @"\$0");

    [GeneratedRegex(@"[\\`*_\[\]<>#|]")]
    private static partial Regex Special();
}
