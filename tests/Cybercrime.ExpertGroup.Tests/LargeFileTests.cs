using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Cybercrime.ExpertGroup.Documents;
using static Cybercrime.ExpertGroup.Tests.ExpertGroupApi;

namespace Cybercrime.ExpertGroup.Tests;

/// <summary>The default limit, 20 MB: a file of exactly that size goes in and comes out whole; one byte more answers 413.</summary>
public sealed class LargeFileTests : IDisposable
{
    private readonly ExpertGroupApi _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task A_file_at_the_default_limit_is_stored_and_served_whole_and_one_byte_more_is_refused()
    {
        var client = await _api.SecretariatAsync();
        var id = await DocumentAsync(client);
        var file = new byte[FileSettings.DefaultMaxFileBytes];
        Random.Shared.NextBytes(file);
        "%PDF-"u8.CopyTo(file);
        var tooLarge = await UploadAsync(client, id, "en", [.. file, 0]);
        await ProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge);

        var response = await UploadAsync(client, id, "en", file);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), body.GetProperty("sha256").GetString());
        await PublishOkAsync(client, id);
        await using var served = await _api.CreateClient().GetStreamAsync($"/public/expert-group/documents/{id}/versions/en", TestContext.Current.CancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        while (await served.ReadAsync(buffer, TestContext.Current.CancellationToken) is var read and > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
        }

        Assert.Equal((file.Length, body.GetProperty("sha256").GetString()), (length, Convert.ToHexStringLower(hash.GetHashAndReset())));
    }
}
