using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using static Cybercrime.ExpertGroup.Tests.ExpertGroupApi;

namespace Cybercrime.ExpertGroup.Tests;

public sealed class DocumentWorkflowApiTests : IDisposable
{
    private readonly ExpertGroupApi _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task An_upload_answers_the_files_sha256_and_size()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        var file = PdfFile();

        var response = await UploadAsync(client, id, "en", file);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", body.GetProperty("language").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), body.GetProperty("sha256").GetString());
        Assert.Equal(file.Length, body.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task A_draft_version_is_replaced_and_its_old_file_removed()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);

        await UploadOkAsync(client, id, "en", PdfFile("first"));
        await UploadOkAsync(client, id, "en", PdfFile("second"));

        Assert.Equal(1, _api.Stored().Files);
    }

    [Fact]
    public async Task A_published_version_is_immutable_and_the_refused_upload_keeps_no_file()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile());
        await PublishOkAsync(client, id);
        var before = _api.Stored();

        var problem = await ProblemAsync(await UploadAsync(client, id, "en", PdfFile("changed")), HttpStatusCode.Conflict);

        Assert.Contains("/revisions", problem.GetProperty("detail").GetString());
        Assert.Equal(before, _api.Stored());
    }

    [Fact]
    public async Task A_translation_may_join_a_published_revision_later()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile());
        await PublishOkAsync(client, id, "2020-07-27");

        await UploadOkAsync(client, id, "fr", PdfFile("fr"));
        await PublishOkAsync(client, id, "2020-08-10");

        var document = await client.GetFromJsonAsync<JsonElement>($"/expert-group/documents/{id}", TestContext.Current.CancellationToken);
        var revisions = document.GetProperty("revisions");
        Assert.Equal(1, revisions.GetArrayLength());
        Assert.Equal(["en", "fr"], document.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("2020-07-27", document.GetProperty("firstPublishedOn").GetString());
    }

    [Fact]
    public async Task A_new_revision_supersedes_the_old_one_when_published_and_both_stay_readable()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile("one"));
        await PublishOkAsync(client, id);

        var started = await client.PostAsync($"/expert-group/documents/{id}/revisions", null, TestContext.Current.CancellationToken);
        Assert.Equal(2, (await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("revision").GetInt32());
        await UploadOkAsync(client, id, "en", PdfFile("two"));
        var events = _api.Stored().EventsWritten;
        await PublishOkAsync(client, id, "2020-09-01");

        var open = _api.CreateClient();
        Assert.Equal(PdfFile("two"), await open.GetByteArrayAsync($"/public/expert-group/documents/{id}/versions/en", TestContext.Current.CancellationToken));
        Assert.Equal(PdfFile("one"), await open.GetByteArrayAsync($"/public/expert-group/documents/{id}/versions/en?revision=1", TestContext.Current.CancellationToken));
        Assert.Equal(events + 1, _api.Stored().EventsWritten);
    }

    [Fact]
    public async Task A_publication_cannot_be_dated_before_the_last_one()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile());
        await PublishOkAsync(client, id, "2020-07-27");
        await UploadOkAsync(client, id, "fr", PdfFile("fr"));

        var problem = await ProblemAsync(await PublishAsync(client, id, "2020-07-26"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("on", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.CreateClient().GetAsync($"/public/expert-group/documents/{id}/versions/fr", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_revision_is_started_only_once_the_latest_is_published()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);

        await ProblemAsync(await client.PostAsync($"/expert-group/documents/{id}/revisions", null, TestContext.Current.CancellationToken), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Publishing_without_the_original_language_is_refused_and_publishes_nothing()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "fr", PdfFile());
        var before = _api.Stored();

        var problem = await ProblemAsync(await PublishAsync(client, id), HttpStatusCode.Conflict);

        Assert.Contains("en version", problem.GetProperty("detail").GetString());
        Assert.Equal(before, _api.Stored());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.CreateClient().GetAsync($"/public/expert-group/documents/{id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Publishing_with_nothing_new_is_refused()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile());
        await PublishOkAsync(client, id);

        await ProblemAsync(await PublishAsync(client, id), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_withdrawn_document_takes_no_more_changes()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile());
        await PublishOkAsync(client, id);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/expert-group/documents/{id}/withdrawal", null, TestContext.Current.CancellationToken)).StatusCode);

        var problem = await ProblemAsync(await UploadAsync(client, id, "fr", PdfFile()), HttpStatusCode.Conflict);
        await ProblemAsync(await client.PostAsync($"/expert-group/documents/{id}/withdrawal", null, TestContext.Current.CancellationToken), HttpStatusCode.Conflict);

        Assert.Equal("withdrawn", problem.GetProperty("currentState").GetString());
    }

    [Fact]
    public async Task A_symbol_is_unique_whatever_its_case()
    {
        var client = await _api.SecretariatAsync();
        await DocumentAsync(client, "A/AC.291/L.1/Rev.1");
        var before = _api.Stored();

        await ProblemAsync(await client.PostAsJsonAsync("/expert-group/documents",
            new { symbol = "A/AC.291/L.1/REV.1", title = "Again", type = "note", originalLanguage = "en" }, TestContext.Current.CancellationToken), HttpStatusCode.Conflict);

        Assert.Equal(before, _api.Stored());
    }

    [Fact]
    public async Task Of_concurrent_creations_with_one_symbol_exactly_one_wins()
    {
        var client = await _api.SecretariatAsync();
        var symbol = NewSymbol();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.PostAsJsonAsync("/expert-group/documents",
            new { symbol, title = $"Copy {i}", type = "note", originalLanguage = "en" }, TestContext.Current.CancellationToken)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal((1, 1), (_api.Stored().Documents, _api.Stored().Symbols));
    }

    [Fact]
    public async Task The_store_refuses_a_second_claim_of_a_symbol_made_behind_the_services_back()
    {
        // Two processes can both find the symbol free; the claim keyed by the symbol is what lets only one commit.
        var store = _api.Services.GetRequiredKeyedService<Cybercrime.Platform.Storage.DocumentStore>(ExpertGroupService.StoreName);
        var claim = new Documents.SymbolClaim("A/RES/74/247", 1, "first");
        await store.CommitAsync(new Cybercrime.Platform.Storage.Changes().Save(claim, 0), TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<Cybercrime.Platform.Storage.ConcurrencyConflictException>(() =>
            store.CommitAsync(new Cybercrime.Platform.Storage.Changes().Save(claim with { DocumentId = "second" }, 0), TestContext.Current.CancellationToken));
    }
}
