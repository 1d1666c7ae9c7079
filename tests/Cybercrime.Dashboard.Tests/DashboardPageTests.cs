using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cybercrime.TestSupport;

namespace Cybercrime.Dashboard.Tests;

/// <summary>The page and its files over HTTP: no token needed, only its own scripts allowed, and what it is told about signing in.</summary>
public sealed partial class DashboardPageTests(ServiceFactory<Program> reporting) : IClassFixture<ServiceFactory<Program>>
{
    [Fact]
    public async Task The_page_needs_no_token_and_allows_only_scripts_styles_and_calls_of_its_own_host()
    {
        using var anonymous = reporting.CreateClient();

        var page = await anonymous.GetAsync("/reporting/dashboard", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.StartsWith("default-src 'self'; connect-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Empty(InlineScript().Matches(html));
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        foreach (var asset in Asset().Matches(html).Select(m => m.Groups[1].Value))
        {
            var answer = await anonymous.GetAsync(asset, TestContext.Current.CancellationToken);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{asset} answered {answer.StatusCode}");
        }

        var summary = await anonymous.GetAsync("/reporting/training/summary?year=2020", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, summary.StatusCode);
    }

    [Theory]
    [InlineData("/reporting/dashboard", "text/html")]
    [InlineData("/reporting/dashboard/dashboard.js", "text/javascript")]
    public async Task Head_answers_like_get_without_a_body(string url, string type)
    {
        using var anonymous = reporting.CreateClient();
        var get = await anonymous.GetAsync(url, TestContext.Current.CancellationToken);

        var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, type), (head.StatusCode, head.Content.Headers.ContentType?.MediaType));
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_page_with_a_trailing_slash_redirects_to_its_one_address_keeping_the_query()
    {
        using var anonymous = reporting.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync("/reporting/dashboard/?code=abc&state=xyz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/reporting/dashboard?code=abc&state=xyz", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_chart_library_is_served_with_its_licence()
    {
        using var anonymous = reporting.CreateClient();

        var library = await anonymous.GetStringAsync("/reporting/dashboard/vendor/chart.js/chart.umd.min.js", TestContext.Current.CancellationToken);
        var licence = await anonymous.GetStringAsync("/reporting/dashboard/vendor/chart.js/LICENSE.md", TestContext.Current.CancellationToken);

        Assert.Contains("Chart.js v4.6.1", library, StringComparison.Ordinal);
        Assert.Contains("The MIT License", licence, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/reporting/dashboard/nothing.js", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_host_that_mints_development_tokens_offers_them_to_the_page()
    {
        using var anonymous = reporting.CreateClient();

        var config = (await anonymous.GetFromJsonAsync<JsonObject>("/reporting/dashboard/config", TestContext.Current.CancellationToken))!;

        Assert.True(config["devTokens"]!.GetValue<bool>());
        Assert.Null(config["authority"]);
        Assert.Equal(["BKK", "DKR", "GUA", "NBO", "SAL", "VIE"], config["offices"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task A_host_that_trusts_an_identity_provider_names_it_to_the_page_and_lets_the_page_call_it()
    {
        await using var production = new ServiceFactory<Program> { Environment = "Production" };
        production.Settings["Auth:Authority"] = "https://login.example.org/realms/unodc";
        production.Settings["Dashboard:ClientId"] = "reporting-dashboard";
        using var anonymous = production.CreateClient();

        var answer = await anonymous.GetAsync("/reporting/dashboard/config", TestContext.Current.CancellationToken);
        var config = (await answer.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;

        Assert.Equal((false, "https://login.example.org/realms/unodc", "reporting-dashboard"),
            (config["devTokens"]!.GetValue<bool>(), config["authority"]!.GetValue<string>(), config["clientId"]!.GetValue<string>()));
        Assert.Contains("connect-src 'self' https://login.example.org;", answer.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>A script element without a src attribute: an inline script, which the policy would block.</summary>
    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("(?:src|href)=\"(/reporting/dashboard/[^\"]+)\"")]
    private static partial Regex Asset();
}
