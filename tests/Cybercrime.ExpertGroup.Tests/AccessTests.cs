using System.Net;
using System.Net.Http.Json;
using static Cybercrime.ExpertGroup.Tests.ExpertGroupApi;

namespace Cybercrime.ExpertGroup.Tests;

public sealed class AccessTests : IDisposable
{
    private readonly ExpertGroupApi _api = new();

    public void Dispose() => _api.Dispose();

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/expert-group/meetings" },
        { "POST", $"/expert-group/meetings/{Guid.Empty}/postponement" },
        { "POST", "/expert-group/documents" },
        { "PUT", $"/expert-group/documents/{Guid.Empty}/versions/en" },
        { "POST", $"/expert-group/documents/{Guid.Empty}/publication" },
        { "POST", $"/expert-group/documents/{Guid.Empty}/withdrawal" },
        { "POST", "/expert-group/recommendations" },
        { "POST", $"/expert-group/recommendations/{Guid.Empty}/adoption" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_without_a_token_is_401_and_without_the_secretariat_role_403(string method, string path)
    {
        var anonymous = _api.CreateClient();
        var office = await _api.ClientAsync("VIE", "office-editor", "hq-reporting", "operations");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal((0, 0), (_api.Stored().Documents, _api.Stored().EventsWritten));
    }

    [Fact]
    public async Task The_public_routes_need_no_token()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        await UploadOkAsync(client, id, "en", PdfFile());
        await PublishOkAsync(client, id);
        var anonymous = _api.CreateClient();

        foreach (var path in new[] { "/public/expert-group/documents", $"/public/expert-group/documents/{id}", $"/public/expert-group/documents/{id}/versions/en",
                     "/public/expert-group/meetings", "/public/expert-group/recommendations" })
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/expert-group/documents/{id}", TestContext.Current.CancellationToken)).StatusCode);
    }
}
