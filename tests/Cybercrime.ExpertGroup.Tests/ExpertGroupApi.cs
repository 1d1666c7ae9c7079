using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cybercrime.Contracts;
using Cybercrime.TestSupport;
using Microsoft.Data.Sqlite;

namespace Cybercrime.ExpertGroup.Tests;

/// <summary>The expert-group service in process, what its store holds, and the steps the tests take through its API.</summary>
public sealed class ExpertGroupApi : ServiceFactory<Program>
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static int _symbols;

    /// <summary>Rows of documents, symbols and files, and how many events were ever written to the outbox.</summary>
    public (long Documents, long Symbols, long Files, long EventsWritten) Stored()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, "expert-group.db")}");
        connection.Open();
        return (Count(connection, "SELECT count(*) FROM documents"), Count(connection, "SELECT count(*) FROM symbols"),
            Count(connection, "SELECT count(*) FROM blobs"), Count(connection, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)"));
    }

    public Task<HttpClient> SecretariatAsync() => ClientAsync(null, "secretariat");

    public static string NewSymbol() => $"UNODC/CCPCJ/EG.4/2020/{Interlocked.Increment(ref _symbols) + 100}";

    public static async Task<string> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Meeting numbers not taken yet: a body's number belongs to one meeting.</summary>
    private static int _sequence = 100;

    public static async Task<string> MeetingAsync(HttpClient client, string start = "2020-04-06", string end = "2020-04-08") =>
        await IdOf(await client.PostAsJsonAsync("/expert-group/meetings", new
        {
            body = "expert-group", sequence = Interlocked.Increment(ref _sequence), title = "Sixth meeting of the Expert Group", startDate = start, endDate = end, venue = "Vienna",
            format = "in-person", chapters = new[] { "international-cooperation", "prevention" },
        }));

    public static async Task<string> DocumentAsync(HttpClient client, string? symbol = null, string title = "Preliminary recommendations", string type = "preliminary-recommendations", string? meetingId = null) =>
        await IdOf(await client.PostAsJsonAsync("/expert-group/documents", new { symbol = symbol ?? NewSymbol(), title, type, meetingId, originalLanguage = "en" }));

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, string lang, byte[] content, string type = Pdf)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return client.PutAsync($"/expert-group/documents/{id}/versions/{lang}", body);
    }

    public static async Task UploadOkAsync(HttpClient client, string id, string lang, byte[] content, string type = Pdf)
    {
        var response = await UploadAsync(client, id, lang, content, type);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> PublishAsync(HttpClient client, string id, string on = "2020-07-27") =>
        client.PostAsJsonAsync($"/expert-group/documents/{id}/publication", new { on });

    public static async Task PublishOkAsync(HttpClient client, string id, string on = "2020-07-27")
    {
        var response = await PublishAsync(client, id, on);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static byte[] PdfFile(string text = "report") => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n");

    public static byte[] DocxFile()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document/>");
        }

        return memory.ToArray();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(text, ContractJson.Options);
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
