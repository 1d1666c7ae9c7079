using System.Net;
using System.Net.Http.Json;
using System.Text;
using static Cybercrime.ExpertGroup.Tests.ExpertGroupApi;

namespace Cybercrime.ExpertGroup.Tests;

/// <summary>Bad input answers problem details naming the field, and stores and publishes nothing.</summary>
public sealed class BadInputApiTests : IDisposable
{
    private readonly ExpertGroupApi _api = new() { Settings = { ["ExpertGroup:MaxFileBytes"] = "1000" } };

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task A_bad_symbol_an_unknown_type_and_a_language_not_of_the_six_are_each_named()
    {
        var client = await _api.SecretariatAsync();
        var before = _api.Stored();

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/expert-group/documents",
            new { symbol = "UNODC CCPCJ EG.4", title = "x", type = "preliminary-recommendations", originalLanguage = "de" }, TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("symbol", out _));
        Assert.True(errors.TryGetProperty("originalLanguage", out _));
        Assert.Equal(before, _api.Stored());
    }

    [Fact]
    public async Task An_upload_in_an_unknown_language_is_refused()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        var before = _api.Stored();

        var problem = await ProblemAsync(await UploadAsync(client, id, "de", PdfFile()), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("lang", out _));
        Assert.Equal(before, _api.Stored());
    }

    [Fact]
    public async Task A_publication_dated_in_the_future_is_refused_and_publishes_nothing()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile());
        var before = _api.Stored();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var on in new[] { "2099-05-01", tomorrow })
        {
            var problem = await ProblemAsync(await PublishAsync(client, id, on), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("on", out _), on);
        }

        Assert.Equal(before, _api.Stored());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.CreateClient().GetAsync($"/public/expert-group/documents/{id}", TestContext.Current.CancellationToken)).StatusCode);
        await PublishOkAsync(client, id, DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused_whether_its_length_is_declared_or_not()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        var before = _api.Stored();
        var file = new byte[1001];
        "%PDF-"u8.CopyTo(file);

        var declared = await ProblemAsync(await UploadAsync(client, id, "en", file), HttpStatusCode.RequestEntityTooLarge);
        var chunked = new StreamContent(new NoLengthStream(file));
        chunked.Headers.ContentType = new(Pdf);
        await ProblemAsync(await client.PutAsync($"/expert-group/documents/{id}/versions/en", chunked, TestContext.Current.CancellationToken), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(1000, declared.GetProperty("maxBytes").GetInt64());
        Assert.Equal(before, _api.Stored());
        await UploadOkAsync(client, id, "en", file[..1000]);
    }

    [Theory]
    [InlineData("application/pdf", "docx")]
    [InlineData(Docx, "pdf")]
    [InlineData("text/plain", "binary")]
    [InlineData("text/plain", "escape")]
    [InlineData("text/html", "text")]
    public async Task A_file_that_is_not_its_declared_type_is_refused(string declared, string content)
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        var before = _api.Stored();
        var file = content switch
        {
            "docx" => DocxFile(),
            "pdf" => PdfFile(),
            "binary" => [0x00, 0xFF, 0xFE, 0x01],
            "escape" => Encoding.UTF8.GetBytes("Отчёт \u001b[2J"),
            _ => Encoding.UTF8.GetBytes("just words"),
        };

        await ProblemAsync(await UploadAsync(client, id, "en", file, declared), HttpStatusCode.UnsupportedMediaType);

        Assert.Equal(before, _api.Stored());
    }

    [Fact]
    public async Task A_file_type_other_than_pdf_docx_html_or_text_is_refused()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);

        var problem = await ProblemAsync(await UploadAsync(client, id, "en", [1, 2, 3], "image/png"), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("image/png", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);

        var problem = await ProblemAsync(await UploadAsync(client, id, "en", []), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task A_meeting_with_bad_fields_names_each()
    {
        var client = await _api.SecretariatAsync();

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/expert-group/meetings", new
        {
            body = "expert-group", sequence = 0, title = " ", startDate = "2020-04-08", endDate = "2020-04-06", venue = "Vienna", format = "in-person",
            chapters = new[] { "prevention", "prevention" },
        }, TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.All(new[] { "sequence", "title", "endDate", "chapters" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
    }

    [Fact]
    public async Task An_unknown_chapter_is_named_with_the_allowed_ones()
    {
        var client = await _api.SecretariatAsync();

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/expert-group/meetings", new
        {
            body = "expert-group", sequence = 1, title = "t", startDate = "2020-04-06", endDate = "2020-04-08", venue = "Vienna", format = "in-person",
            chapters = new[] { "cyber-everything" },
        }, TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("chapters[0]", out _));
    }

    /// <summary>A body sent in chunks, its length not declared.</summary>
    private sealed class NoLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
