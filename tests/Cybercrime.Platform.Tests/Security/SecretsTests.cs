using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Security;
using Microsoft.Extensions.Hosting;

namespace Cybercrime.Platform.Tests.Security;

/// <summary>Secrets come from configuration, or a local host's folder, never from the repository.</summary>
public sealed class SecretsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Directory.CreateTempSubdirectory("cybercrime-secrets-").FullName, "secrets");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);

    private HostApplicationBuilder Host(string environment, string? configured = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration[Secrets.FolderSetting] = _folder;
        builder.Configuration["Pseudonyms:Key"] = configured;
        return builder;
    }

    [Fact]
    public void A_configured_secret_wins_and_nothing_is_written()
    {
        var key = Host(Environments.Development, new string('k', 40)).Require("Pseudonyms:Key");

        Assert.Equal(new string('k', 40), System.Text.Encoding.UTF8.GetString(key));
        Assert.False(Directory.Exists(_folder));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData(LocalHosts.StandaloneEnvironment)]
    public void A_local_host_generates_a_missing_secret_once_readable_by_its_owner_only_and_reuses_it(string environment)
    {
        var first = Host(environment).Require("Pseudonyms:Key");
        var again = Host(environment).Require("Pseudonyms:Key");

        Assert.Equal(first, again);
        Assert.True(first.Length >= Secrets.MinimumBytes);
        Assert.NotEqual(first, Host(environment).Require("Auth:SigningKey"));
        var file = Path.Combine(_folder, "Pseudonyms__Key");
        Assert.Equal([file, Path.Combine(_folder, "Auth__SigningKey")], Directory.GetFiles(_folder).Order(StringComparer.Ordinal).Reverse());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public void Elsewhere_a_missing_secret_stops_the_start_with_how_to_set_it_even_with_a_folder(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Host(environment).Require("Pseudonyms:Key"));

        Assert.Contains("Pseudonyms:Key is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pseudonyms__Key=", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public void A_short_secret_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Host(Environments.Production, "short").Require("Pseudonyms:Key"));

        Assert.Contains("at least 32 bytes", error.Message, StringComparison.Ordinal);
    }
}
