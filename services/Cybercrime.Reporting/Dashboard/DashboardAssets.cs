using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Cybercrime.Reporting.Dashboard;

internal sealed record DashboardAsset(byte[] Content, string ContentType, EntityTagHeaderValue ETag);

/// <summary>
/// The dashboard's files, embedded in this assembly (Dashboard/Assets), so that every host that runs
/// reporting (alone, standalone, in a container) serves the same page with nothing to copy beside it.
/// </summary>
internal static class DashboardAssets
{
    private const string Prefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".md"] = "text/plain; charset=utf-8",
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, DashboardAsset> All = Load();

    private static FrozenDictionary<string, DashboardAsset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            // Resource names keep the folder separator of the machine that built them.
            var path = name[Prefix.Length..].Replace('\\', '/');
            assets[path] = new DashboardAsset(
                content,
                ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream"),
                new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\""));
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
