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

    /// <summary>"Figures for the Guatemala City office." or "Figures for Latin America and the Caribbean." or null.</summary>
    public static string? Selection(AnnualReport report)
    {
        var parts = new[] { report.Office is { } o ? $"the {OfficeName(o)}" : null, report.Region is { } r ? RegionName(r) : null }.OfType<string>().ToList();
        return parts.Count == 0 ? null : $"Figures for {string.Join(", in ", parts)}.";
    }

    private static string OfficeName(string office) => office switch
    {
        Offices.Vienna => "Vienna headquarters",
        Offices.Guatemala => "Guatemala City office",
        Offices.Nairobi => "Nairobi office",
        Offices.SanSalvador => "San Salvador office",
        Offices.Dakar => "Dakar office",
        Offices.Bangkok => "Bangkok office",
        _ => $"{office} office",
    };

    private static string RegionName(ProgrammeRegion region) => region switch
    {
        ProgrammeRegion.LatinAmericaCaribbean => "Latin America and the Caribbean",
        ProgrammeRegion.Africa => "Africa",
        ProgrammeRegion.AsiaPacific => "Asia and the Pacific",
        _ => "the programme's global work",
    };

    /// <summary>Data (a campaign's name) read as text, never as Markdown.</summary>
    private static string Escape(string text) => Special().Replace(text, @"\$0");

    [GeneratedRegex(@"[\\`*_\[\]<>#|]")]
    private static partial Regex Special();
}
