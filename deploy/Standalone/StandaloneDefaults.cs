using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Security;
using Microsoft.Extensions.Configuration.Memory;

namespace Cybercrime.Standalone;

internal static class StandaloneDefaults
{
    /// <summary>Its own environment name, one of the two where the local token endpoint is allowed.</summary>
    public const string Environment = LocalHosts.StandaloneEnvironment;

    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Bus:Transport"] = "InMemory",
        ["Storage:Provider"] = "Sqlite",
        ["Auth:DevTokens"] = "true",
        // The demo's year is the one the dashboard opens on.
        ["Dashboard:Year"] = "2020",
        ["urls"] = "http://localhost:5080",
    };

    /// <summary>Embedded defaults beneath every other source, so settings, variables and arguments still win.</summary>
    public static void UseStandaloneDefaults(this WebApplicationBuilder builder)
    {
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        // The whole year gets a folder of its own, so that it never lands on top of the small demo's.
        var data = builder.Configuration["Demo:Year"] is { } year ? $"data-{year}" : "data";
        sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults.Append(new("Storage:SqlitePath", data)) });
        builder.WebHost.UseUrls(builder.Configuration["urls"]!);
        // Secrets (signing key, pseudonym key, …) are generated at first start beside the data they protect.
        builder.Configuration[Secrets.FolderSetting] ??= Path.Combine(builder.Configuration["Storage:SqlitePath"]!, "secrets");
    }

    public static void PrintWelcomeOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = app.Urls.FirstOrDefault() ?? app.Configuration["urls"];
            Console.WriteLine($$"""

                Cybercrime programme backbone, all services in one process, listening on {{url}}
                  data (SQLite):   {{Path.GetFullPath(app.Configuration["Storage:SqlitePath"]!)}}
                  API reference:   {{url}}/scalar
                  dashboard:       {{url}}/reporting/dashboard (press "Development sign-in")
                  a dev token:     curl -s -X POST {{url}}/dev/token -H 'Content-Type: application/json' -d '{"office":"GUA","roles":["office-editor"]}'
                  the summary:     TOKEN=$(curl -s -X POST {{url}}/dev/token -H 'Content-Type: application/json' -d '{"roles":["hq-reporting"]}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
                                   curl -s '{{url}}/reporting/training/summary?year=2020' -H "Authorization: Bearer $TOKEN"

                """);
        });
}
