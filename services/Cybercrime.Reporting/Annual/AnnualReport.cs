using System.Globalization;
using System.Text.Json.Serialization;
using Cybercrime.Contracts;

namespace Cybercrime.Reporting.Annual;

internal sealed record AnnualReport(int Year, string? Office, ProgrammeRegion? Region, IReadOnlyList<ReportSection> Sections);

/// <param name="Note">Says which filters asked for do not apply to the section (null when all do).</param>
internal sealed record ReportSection(string Id, string Title, string? Note, IReadOnlyList<Statement> Statements);

/// <summary>A sentence of the report; its figures are the arguments of <see cref="Sentence"/>, so every rendering links the same numbers.</summary>
internal sealed partial record Statement(string Id, string Text, IReadOnlyList<Figure> Figures)
{
    [JsonIgnore]
    public FormattableString Sentence { get; private init; } = $"";

    /// <summary>The statement, or null when its figures are all 0 (nothing to report under the filters asked).</summary>
    public static Statement? Of(string id, FormattableString sentence)
    {
        var figures = sentence.GetArguments().OfType<Figure>().ToList();
        if (figures.All(f => f.Value == 0))
        {
            return null;
        }

        var statement = new Statement(id, "", figures) { Sentence = sentence };
        return statement with { Text = statement.Render(f => f.Shown, text => text) };
    }

    /// <summary>
    /// One sentence from parts, their figures renumbered in turn: a part left null (a clause whose figure is 0,
    /// which the report leaves out rather than write "and 0 adopted") is skipped.
    /// </summary>
    public static FormattableString Join(string separator, params FormattableString?[] parts)
    {
        var format = new System.Text.StringBuilder();
        var arguments = new List<object?>();
        foreach (var part in parts.OfType<FormattableString>())
        {
            if (arguments.Count > 0 || format.Length > 0)
            {
                format.Append(separator.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
            }

            var offset = arguments.Count;
            format.Append(Placeholder().Replace(part.Format, m => $"{{{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + offset}"));
            arguments.AddRange(part.GetArguments());
        }

        return System.Runtime.CompilerServices.FormattableStringFactory.Create(format.ToString(), [.. arguments]);
    }

    /// <summary>"a, b and c" of the clauses kept.</summary>
    public static FormattableString List(params FormattableString?[] parts)
    {
        var kept = parts.OfType<FormattableString>().ToList();
        return kept.Count < 2 ? Join("", [.. kept]) : Join(" and ", Join(", ", [.. kept.Take(kept.Count - 1)]), kept[^1]);
    }

    /// <summary>The clause, or null when its figure is 0.</summary>
    public static FormattableString? Unless0(Figure figure, FormattableString clause) => figure.Value == 0 ? null : clause;

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\{)\{(\d+)")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>The statements that are not left out.</summary>
    public static IReadOnlyList<Statement> Kept(params Statement?[] statements) => [.. statements.OfType<Statement>()];

    /// <summary>The sentence with each figure rendered by <paramref name="figure"/> and the rest by <paramref name="text"/> (escaping it).</summary>
    public string Render(Func<Figure, string> figure, Func<string, string> text) => string.Format(
        CultureInfo.InvariantCulture,
        text(Sentence.Format),
        [.. Sentence.GetArguments().Select(a => a is Figure f ? figure(f) : text(Convert.ToString(a, CultureInfo.InvariantCulture) ?? ""))]);
}

/// <param name="Fields">The summary's fields whose sum is <paramref name="Value"/>, as dotted paths.</param>
internal sealed record Figure(string Name, double Value, string Href, IReadOnlyList<string> Fields)
{
    /// <summary>Shown as "28.5 million" rather than "28,500,000" when that is exact.</summary>
    [JsonIgnore]
    public bool InMillions { get; init; }

    /// <summary>The value as the text shows it: thousands separated, a fraction only when there is one.</summary>
    [JsonIgnore]
    public string Shown => InMillions && Value >= 1_000_000 && Value % 100_000 == 0
        ? $"{(Value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture)} million"
        : Value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>"country" or "countries" as this figure reads.</summary>
    public string Noun(string one, string many) => Value == 1 ? one : many;
}
