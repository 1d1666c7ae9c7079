using System.Text;
using Cybercrime.ExpertGroup.Documents;

namespace Cybercrime.ExpertGroup.Tests;

public sealed class SymbolAndContentTests
{
    [Theory]
    [InlineData("UNODC/CCPCJ/EG.4/2020/2")]
    [InlineData("A/RES/74/247")]
    [InlineData("A/AC.291/L.1/Rev.1")]
    [InlineData("E/CN.15/2019/12")]
    [InlineData("UNODC/CCPCJ/EG.4/2021/CRP.1")]
    public void United_Nations_symbols_are_accepted(string symbol) => Assert.True(Symbols.IsValid(symbol));

    [Theory]
    [InlineData("")]
    [InlineData("UNODC")]
    [InlineData("unodc/ccpcj/eg.4/2020/2")]
    [InlineData("UNODC/CCPCJ//2020/2")]
    [InlineData("UNODC/CCPCJ/EG.4/2020/")]
    [InlineData("UNODC/CCPCJ/EG 4/2020/2")]
    [InlineData("UNODC/CCPCJ/EG..4/2020/2")]
    [InlineData("/UNODC/CCPCJ")]
    [InlineData("UNODC/CCPCJ/EG.4/2020/2\u200B")]
    public void Anything_else_is_not_a_symbol(string symbol) => Assert.False(Symbols.IsValid(symbol));

    [Fact]
    public void A_symbol_longer_than_the_limit_is_refused() =>
        Assert.False(Symbols.IsValid("A/" + string.Join('/', Enumerable.Repeat("AB", 40))));

    [Fact]
    public void Symbols_differing_only_by_case_are_one() => Assert.Equal(Symbols.Key("A/AC.291/L.1/Rev.1"), Symbols.Key("A/AC.291/L.1/REV.1"));

    public static TheoryData<string, string, bool> Files => new()
    {
        { "pdf", "Pdf", true },
        { "pdf", "Text", true },
        { "docx", "Docx", true },
        { "docx", "Pdf", false },
        { "docx", "Text", false },
        { "zip", "Docx", false },
        { "html", "Html", true },
        { "bom-html", "Html", true },
        { "text", "Text", true },
        { "text", "Html", false },
        { "text", "Pdf", false },
        { "latin1", "Text", false },
        { "nul", "Text", false },
        { "esc", "Text", false },
        { "esc", "Html", false },
        { "del", "Text", false },
        { "c1", "Text", false },
        { "tab-cr-lf-ff", "Text", true },
        { "pdf-in-html", "Html", false },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Content_is_checked_against_its_declared_type(string sample, string declared, bool accepted)
    {
        using var file = new MemoryStream(Sample(sample));

        var mismatch = await FileContent.MismatchAsync(file, Enum.Parse<FileKind>(declared), TestContext.Current.CancellationToken);

        Assert.True(accepted == mismatch is null, mismatch ?? "accepted");
    }

    private static byte[] Sample(string name) => name switch
    {
        "pdf" => ExpertGroupApi.PdfFile(),
        "docx" => ExpertGroupApi.DocxFile(),
        "zip" => Zip(),
        "html" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Recommandations préliminaires</body></html>"),
        "bom-html" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("\n  <html lang=\"ar\"><body>توصيات</body></html>")],
        "text" => Encoding.UTF8.GetBytes("Предварительные рекомендации\n初步建议\n"),
        "latin1" => Encoding.Latin1.GetBytes("Recommandations préliminaires"),
        "nul" => [(byte)'a', 0, (byte)'b'],
        "esc" => Encoding.UTF8.GetBytes("<p>\u001b[31mred</p>"),
        "del" => Encoding.UTF8.GetBytes("a\u007fb"),
        "c1" => Encoding.UTF8.GetBytes("a\u0085b"),
        "tab-cr-lf-ff" => Encoding.UTF8.GetBytes("a\tb\r\nc\fd\n"),
        "pdf-in-html" => ExpertGroupApi.PdfFile(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static byte[] Zip()
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("content.xml").Open());
            writer.Write("<x/>");
        }

        return memory.ToArray();
    }
}
