using System.Net;
using System.Net.Http.Json;
using Cybercrime.TestSupport;

namespace Cybercrime.Training.Tests;

/// <summary>Development tokens exist in Development and the standalone host only (docs/decisions/0009).</summary>
public sealed class DevTokenPolicyTests
{
    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public async Task Outside_development_the_endpoint_answers_403(string environment)
    {
        await using var api = new TrainingApi { Environment = environment, Settings = { ["Auth:DevTokens"] = "false" } };

        var response = await api.CreateClient().PostAsJsonAsync("/dev/token", new { office = "VIE", roles = new[] { "operations" } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    [InlineData("Benchmark")]
    public void Any_environment_but_development_and_standalone_refuses_to_start_with_dev_tokens_enabled(string environment)
    {
        using var api = new TrainingApi { Environment = environment, Settings = { ["Auth:DevTokens"] = "true" } };

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains($"Auth:DevTokens is refused in {environment}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_mints_tokens_that_the_service_accepts()
    {
        await using var api = new TrainingApi();

        using var client = await api.ClientAsync("GUA", "office-editor");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/training/sessions", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_deployments_key_is_refused()
    {
        await using var other = new TrainingApi();
        await using var api = new TrainingApi();
        using var foreign = await other.ClientAsync("GUA", "office-editor");
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = foreign.DefaultRequestHeaders.Authorization;

        var response = await client.GetAsync(new Uri("/training/sessions", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void A_service_without_a_signing_key_or_a_secrets_folder_refuses_to_start_and_says_how_to_set_one()
    {
        using var api = new TrainingApi { Settings = { ["Auth:SigningKey"] = "", ["Secrets:Folder"] = "" } };

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("Auth:SigningKey is not set", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Auth__SigningKey=", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_test_hosts_get_fresh_random_secrets()
    {
        Assert.NotEqual(TestSecrets.Settings()["Auth:SigningKey"], TestSecrets.Settings()["Auth:SigningKey"]);
    }
}
