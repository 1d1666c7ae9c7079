using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.Playwright;

namespace Cybercrime.Dashboard.Tests;

/// <summary>
/// Signing in with a real identity provider: the page runs the authorization code flow with PKCE in the
/// browser, keeps the access token in sessionStorage only, and reads the summaries with it.
/// </summary>
public sealed class ProviderSignInTests : IAsyncDisposable
{
    private readonly Chromium _chromium;
    private readonly FakeIdentityProvider _provider = new();
    private readonly ReportingOnKestrel _reporting;

    public ProviderSignInTests(Chromium chromium)
    {
        _chromium = chromium;
        _reporting = new ReportingOnKestrel
        {
            // The host trusts the provider's key as if read from its discovery document (no network here).
            TestServices = services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
                    new OpenIdConnectConfiguration { Issuer = FakeIdentityProvider.Authority, SigningKeys = { _provider.SigningKey } })),
        };
        _reporting.Settings["Auth:Authority"] = FakeIdentityProvider.Authority;
        _reporting.Settings["Auth:Issuer"] = FakeIdentityProvider.Authority;
        _reporting.Settings["Dashboard:ClientId"] = FakeIdentityProvider.ClientId;
        _reporting.Settings["Dashboard:Scope"] = "openid reporting";
    }

    public async ValueTask DisposeAsync() => await _reporting.DisposeAsync();

    [Fact]
    public async Task The_authorization_code_flow_with_PKCE_signs_in_and_the_token_stays_in_session_storage()
    {
        Chromium.SkipWhenMissing();
        var (page, errors) = await _chromium.NewPageAsync();
        await _provider.RouteAsync(page.Context);
        var dashboard = new Uri(_reporting.Url, "/reporting/dashboard");

        await page.GotoAsync($"{dashboard}?year=2020&office=GUA");
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Development sign-in" }).IsVisibleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with the identity provider" }).ClickAsync();
        await Chromium.ReadyAsync(page);

        Assert.Equal(
            ("code", FakeIdentityProvider.ClientId, dashboard.ToString(), "openid reporting", "S256"),
            (_provider.Authorization["response_type"], _provider.Authorization["client_id"], _provider.Authorization["redirect_uri"],
             _provider.Authorization["scope"], _provider.Authorization["code_challenge_method"]));
        Assert.Equal(("authorization_code", dashboard.ToString()), (_provider.TokenRequest["grant_type"], _provider.TokenRequest["redirect_uri"]));
        // The code is gone from the address; the filters asked for before signing in are back.
        Assert.Equal($"{dashboard}?year=2020&office=GUA", page.Url);
        Assert.Equal("Signed in as Ana Reporter", await page.Locator("#account-name").TextContentAsync());
        Assert.Equal(_provider.AccessToken, await page.EvaluateAsync<string?>("() => sessionStorage.getItem('cybercrime.dashboard.token')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Empty(await page.Context.CookiesAsync());
        Assert.Empty(errors);
    }
}
