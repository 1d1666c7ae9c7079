using Cybercrime.TestSupport;

namespace Cybercrime.Deployment.Tests;

/// <summary>No signing or pseudonym key is committed: each deployment brings its own (docs/decisions/0009).</summary>
public sealed class NoCommittedSecretsTests
{
    private static readonly string[] Text = [".cs", ".json", ".yaml", ".yml", ".md", ".sh", ".conf", ".props", ".csproj", ".env"];

    [Fact]
    public void No_tracked_file_holds_a_key()
    {
        var findings = SecretScanner.TrackedFiles()
            .Where(file => Text.Contains(Path.GetExtension(file)) && !file.EndsWith("SecretScannerTests.cs", StringComparison.Ordinal))
            .Where(file => File.Exists(Path.Combine(RepositoryRoot.Path, file)))
            .SelectMany(file => SecretScanner.Findings(file, File.ReadAllText(Path.Combine(RepositoryRoot.Path, file))))
            .ToList();

        Assert.True(findings.Count == 0, "Committed secrets; read them from configuration instead:\n" + string.Join("\n", findings));
    }

    [Fact]
    public void The_tracked_files_include_settings_compose_and_manifests()
    {
        var files = SecretScanner.TrackedFiles();

        Assert.Contains("compose.yaml", files);
        Assert.Contains("services/Cybercrime.Training/appsettings.Development.json", files);
        Assert.Contains("deploy/k8s/training.yaml", files);
    }
}
