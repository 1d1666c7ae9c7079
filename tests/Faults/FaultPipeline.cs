using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cybercrime.TestSupport;

namespace Cybercrime.Faults;

/// <summary>
/// Training and reporting as separate processes, each copy on its own port, over one broker and one
/// folder of SQLite stores (copies of a service share its store). A killed copy is restarted on the
/// same store; callers always reach a live copy.
/// </summary>
internal sealed class FaultPipeline : IAsyncDisposable
{
    public const int Year = 2020;
    private const int SessionCount = 10;
    private readonly Dictionary<string, string> _secrets = TestSecrets.Environment();
    private readonly FaultOptions _options;
    private readonly Uri _broker;
    private int _turn;

    private FaultPipeline(FaultOptions options, Uri broker) => (_options, _broker) = (options, broker);

    public string Folder { get; } = Directory.CreateTempSubdirectory("cybercrime-faults-").FullName;

    public List<ServiceProcess> Training { get; } = [];

    public List<ServiceProcess> Reporting { get; } = [];

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public List<string> Sessions { get; } = [];

    public AuthenticationHeaderValue Editor { get; private set; } = null!;

    public AuthenticationHeaderValue Headquarters { get; private set; } = null!;

    public AuthenticationHeaderValue Operations { get; private set; } = null!;

    public string TrainingDatabase => Path.Combine(Folder, "training", "training.db");

    public string ReportingDatabase => Path.Combine(Folder, "reporting", "reporting.db");

    public static async Task<FaultPipeline> StartAsync(FaultOptions options, Uri broker, int trainingCopies = 1, int reportingCopies = 1)
    {
        var pipeline = new FaultPipeline(options, broker);
        for (var i = 0; i < trainingCopies; i++)
        {
            await pipeline.StartTrainingAsync();
        }

        for (var i = 0; i < reportingCopies; i++)
        {
            await pipeline.StartReportingAsync();
        }

        pipeline.Editor = await pipeline.TokenAsync(new { office = "GUA", roles = new[] { "office-editor" } });
        pipeline.Headquarters = await pipeline.TokenAsync(new { roles = new[] { "hq-reporting" } });
        pipeline.Operations = await pipeline.TokenAsync(new { roles = new[] { "operations" } });
        for (var i = 0; i < SessionCount; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(pipeline.TrainingAddress(), "/training/sessions"))
            {
                Content = JsonContent.Create(new
                {
                    title = $"Fault session {i}", topics = new[] { "digital-evidence" }, format = "online", languages = new[] { "es" },
                    startDate = $"{Year}-05-04", endDate = $"{Year}-05-08",
                }),
            };
            request.Headers.Authorization = pipeline.Editor;
            using var created = await pipeline.Http.SendAsync(request);
            created.EnsureSuccessStatusCode();
            pipeline.Sessions.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        return pipeline;
    }

    public async Task<ServiceProcess> StartTrainingAsync()
    {
        var process = await ServiceProcess.StartAsync("Cybercrime.Training", Settings("training"));
        lock (Training)
        {
            Training.Add(process);
        }

        return process;
    }

    public async Task<ServiceProcess> StartReportingAsync()
    {
        var process = await ServiceProcess.StartAsync("Cybercrime.Reporting", Settings("reporting"));
        lock (Reporting)
        {
            Reporting.Add(process);
        }

        return process;
    }

    /// <summary>kill -9 (a process killed on Unix gets SIGKILL): no shutdown, nothing flushed.</summary>
    public async Task KillAsync(ServiceProcess process)
    {
        lock (Training)
        {
            Training.Remove(process);
        }

        lock (Reporting)
        {
            Reporting.Remove(process);
        }

        await process.DisposeAsync();
    }

    /// <summary>A live training copy, in turn; the first one when every copy is down (the call then fails, as a client's would).</summary>
    public Uri TrainingAddress() => Pick(Training);

    public Uri ReportingAddress() => Pick(Reporting);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Training.Concat(Reporting).ToList())
        {
            await process.DisposeAsync();
        }

        Http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private Uri Pick(List<ServiceProcess> copies)
    {
        lock (copies)
        {
            var live = copies.Where(c => !c.HasExited).ToList();
            return live.Count == 0
                ? new Uri("http://127.0.0.1:9/")
                : live[(int)((uint)Interlocked.Increment(ref _turn) % live.Count)].BaseAddress;
        }
    }

    private async Task<AuthenticationHeaderValue> TokenAsync(object claims)
    {
        using var answer = await Http.PostAsJsonAsync(new Uri(TrainingAddress(), "/dev/token"), claims);
        answer.EnsureSuccessStatusCode();
        return new AuthenticationHeaderValue("Bearer", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
    }

    private Dictionary<string, string> Settings(string service) => new(_secrets)
    {
        ["Storage__Provider"] = "Sqlite",
        ["Storage__SqlitePath"] = Path.Combine(Folder, service),
        ["Storage__WriteTimeoutSeconds"] = _options.WriteTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Bus__Transport"] = "RabbitMq",
        ["ConnectionStrings__RabbitMq"] = _broker.ToString(),
        ["Outbox__PublishTimeoutSeconds"] = "5",
        ["Serilog__MinimumLevel__Default"] = "Warning",
        // Development, the one environment of a service alone that mints tokens; no configuration file watching.
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        ["Auth__DevTokens"] = "true",
    };
}
