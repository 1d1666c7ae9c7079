using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Cybercrime.ExpertGroup.Tests.ExpertGroupApi;

namespace Cybercrime.ExpertGroup.Tests;

/// <summary>The public read API: no token, and nothing unpublished, withdrawn or superseded shown as current.</summary>
public sealed class PublicApiTests : IDisposable
{
    private readonly ExpertGroupApi _api = new();

    public void Dispose() => _api.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unpublished_document_and_version_are_not_found()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile());
        var open = _api.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await open.GetAsync($"/public/expert-group/documents/{id}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await open.GetAsync($"/public/expert-group/documents/{id}/versions/en", Token)).StatusCode);
        Assert.Equal(0, (await open.GetFromJsonAsync<JsonElement>("/public/expert-group/documents", Token)).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_version_uploaded_after_publication_stays_hidden_until_published()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile());
        await PublishOkAsync(client, id);
        await UploadOkAsync(client, id, "fr", PdfFile("fr"));
        var open = _api.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await open.GetAsync($"/public/expert-group/documents/{id}/versions/fr", Token)).StatusCode);
        var document = await open.GetFromJsonAsync<JsonElement>($"/public/expert-group/documents/{id}", Token);
        Assert.Equal(["en"], document.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["en"], document.GetProperty("revisions")[0].GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task A_withdrawn_document_is_gone_from_every_public_route()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile());
        await PublishOkAsync(client, id);
        await client.PostAsync($"/expert-group/documents/{id}/withdrawal", null, Token);
        var open = _api.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await open.GetAsync($"/public/expert-group/documents/{id}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await open.GetAsync($"/public/expert-group/documents/{id}/versions/en", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await open.GetAsync($"/public/expert-group/documents/{id}/versions/en?revision=1", Token)).StatusCode);
        Assert.Equal(0, (await open.GetFromJsonAsync<JsonElement>("/public/expert-group/documents", Token)).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_superseded_revision_is_never_served_as_current_nor_a_draft_revision_at_all()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile("one"));
        await UploadOkAsync(client, id, "fr", PdfFile("un"));
        await PublishOkAsync(client, id);
        await client.PostAsync($"/expert-group/documents/{id}/revisions", null, Token);
        await UploadOkAsync(client, id, "en", PdfFile("two"));
        var open = _api.CreateClient();

        // Revision 2 is a draft: the public still reads revision 1, and not revision 2 by number.
        Assert.Equal(PdfFile("one"), await open.GetByteArrayAsync($"/public/expert-group/documents/{id}/versions/en", Token));
        Assert.Equal(HttpStatusCode.NotFound, (await open.GetAsync($"/public/expert-group/documents/{id}/versions/en?revision=2", Token)).StatusCode);

        await PublishOkAsync(client, id, "2020-09-01");

        Assert.Equal(PdfFile("two"), await open.GetByteArrayAsync($"/public/expert-group/documents/{id}/versions/en", Token));
        // French was not revised: the current revision has none, and the superseded one is not served in its place.
        Assert.Equal(HttpStatusCode.NotFound, (await open.GetAsync($"/public/expert-group/documents/{id}/versions/fr", Token)).StatusCode);
        Assert.Equal(PdfFile("un"), await open.GetByteArrayAsync($"/public/expert-group/documents/{id}/versions/fr?revision=1", Token));
        var document = await open.GetFromJsonAsync<JsonElement>($"/public/expert-group/documents/{id}", Token);
        Assert.Equal([false, true], document.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("current").GetBoolean()));
    }

    [Fact]
    public async Task A_file_carries_its_hash_as_etag_and_a_matching_if_none_match_answers_304()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        var file = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Recommendations</body></html>");
        await UploadOkAsync(client, id, "en", file, "text/html");
        await PublishOkAsync(client, id);
        var open = _api.CreateClient();
        var url = $"/public/expert-group/documents/{id}/versions/en";

        var first = await open.GetAsync(url, Token);
        var etag = first.Headers.ETag!;
        Assert.Equal("text/html", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file))}\"", etag.Tag);

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await open.SendAsync(again, Token);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Token));

        var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        var full = await open.SendAsync(stale, Token);
        Assert.Equal(file, await full.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task Head_answers_the_headers_of_get_without_the_file()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        var file = PdfFile("head");
        await UploadOkAsync(client, id, "en", file);
        await PublishOkAsync(client, id);
        var open = _api.CreateClient();
        var url = $"/public/expert-group/documents/{id}/versions/en";

        var get = await open.GetAsync(url, Token);
        var head = await open.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Token);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(file.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Content.Headers.ContentDisposition, head.Content.Headers.ContentDisposition);
        var conditional = new HttpRequestMessage(HttpMethod.Head, url);
        conditional.Headers.IfNoneMatch.Add(get.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await open.SendAsync(conditional, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await open.SendAsync(new HttpRequestMessage(HttpMethod.Head, url.Replace("/en", "/fr", StringComparison.Ordinal)), Token)).StatusCode);
    }

    [Fact]
    public async Task The_search_filters_by_symbol_title_words_meeting_type_and_language_and_pages_with_a_total()
    {
        var client = await _api.SecretariatAsync();
        var meeting = await MeetingAsync(client);
        var recommendations = await DocumentAsync(client, "UNODC/CCPCJ/EG.4/2020/2", "Compilation of preliminary recommendations", meetingId: meeting);
        var agenda = await DocumentAsync(client, "UNODC/CCPCJ/EG.4/2020/1", "Provisional agenda", "agenda", meeting);
        var study = await DocumentAsync(client, "UNODC/CCPCJ/EG.4/2013/2", "Comprehensive study on cybercrime", "study");
        var draft = await DocumentAsync(client, "UNODC/CCPCJ/EG.4/2020/3", "Preliminary draft", "note", meeting);
        foreach (var id in new[] { recommendations, agenda, study })
        {
            await UploadOkAsync(client, id, "en", PdfFile());
            await PublishOkAsync(client, id);
        }

        await UploadOkAsync(client, recommendations, "es", PdfFile("es"));
        await PublishOkAsync(client, recommendations);
        await UploadOkAsync(client, draft, "en", PdfFile());
        var open = _api.CreateClient();

        async Task<string[]> Symbols(string query) =>
            [.. (await open.GetFromJsonAsync<JsonElement>($"/public/expert-group/documents?{query}", Token)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("symbol").GetString()!)];

        Assert.Equal(["UNODC/CCPCJ/EG.4/2013/2", "UNODC/CCPCJ/EG.4/2020/1", "UNODC/CCPCJ/EG.4/2020/2"], await Symbols(""));
        Assert.Equal(["UNODC/CCPCJ/EG.4/2020/2"], await Symbols("symbol=unodc/ccpcj/eg.4/2020/2"));
        Assert.Equal(["UNODC/CCPCJ/EG.4/2020/2"], await Symbols("q=PRELIMINARY%20recommendations"));
        Assert.Empty(await Symbols("q=preliminary%20agenda"));
        Assert.Equal(["UNODC/CCPCJ/EG.4/2020/1", "UNODC/CCPCJ/EG.4/2020/2"], await Symbols($"meeting={meeting}"));
        Assert.Equal(["UNODC/CCPCJ/EG.4/2013/2"], await Symbols("type=study"));
        Assert.Equal(["UNODC/CCPCJ/EG.4/2020/2"], await Symbols("language=es"));

        var page = await open.GetFromJsonAsync<JsonElement>("/public/expert-group/documents?page=2&pageSize=2", Token);
        Assert.Equal((3, 2, 2), (page.GetProperty("total").GetInt32(), page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()));
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(["en", "es"], item.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("preliminary-recommendations", item.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Bad_search_parameters_are_named()
    {
        var problem = await ProblemAsync(await _api.CreateClient().GetAsync("/public/expert-group/documents?type=memo&language=de&pageSize=1000", Token), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.All(new[] { "type", "language", "pageSize" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
    }
}
