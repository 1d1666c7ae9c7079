using Cybercrime.Contracts;

namespace Cybercrime.Reporting.Annual;

internal sealed record StatementRow(string Section, string Statement, string Text);

internal sealed record FigureRow(string Section, string Statement, string Figure, double Value, string Href, string Fields);

/// <summary>
/// The report as its CSV and XLSX exports hold it: a row per statement and a row per figure, rather
/// than sections nesting statements nesting figures, which a spreadsheet could neither sort nor sum.
/// </summary>
internal sealed record AnnualReportTable(int Year, string? Office, ProgrammeRegion? Region, IReadOnlyList<StatementRow> Statements, IReadOnlyList<FigureRow> Figures)
{
    public static AnnualReportTable Of(AnnualReport report) => new(
        report.Year,
        report.Office,
        report.Region,
        [.. report.Sections.SelectMany(s => s.Statements.Select(t => new StatementRow(s.Id, t.Id, t.Text)))],
        [.. report.Sections.SelectMany(s => s.Statements.SelectMany(t => t.Figures.Select(f => new FigureRow(s.Id, t.Id, f.Name, f.Value, f.Href, string.Join(" + ", f.Fields)))))]);
}
