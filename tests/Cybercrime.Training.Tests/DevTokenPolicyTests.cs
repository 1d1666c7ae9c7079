using System.Net;
using System.Net.Http.Json;

namespace Cybercrime.Training.Tests;

public sealed class DevTokenPolicyTests
{
    [Fact]
    public async Task Where_dev_tokens_are_off_the_endpoint_answers_403()
    {
        await using var api = new TrainingApi { Environment = "Staging", Settings = { ["Auth:SigningKey"] = new string('k', 40), ["Auth:DevTokens"] = "false" } };

        var response = await api.CreateClient().PostAsJsonAsync("/dev/token", new { office = "VIE", roles = new[] { "office-editor" } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void Production_refuses_to_start_with_dev_tokens_enabled()
    {
        using var api = new TrainingApi { Environment = "Production", Settings = { ["Auth:SigningKey"] = new string('k', 40), ["Auth:DevTokens"] = "true" } };

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("Auth:DevTokens is refused in Production", error.ToString(), StringComparison.Ordinal);
    }
}
