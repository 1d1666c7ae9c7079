using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;

namespace Cybercrime.Dashboard.Tests;

/// <summary>
/// An OpenID Connect provider at <c>https://idp.test</c> as the browser sees it: Playwright answers its
/// discovery document, authorization endpoint (straight back to the page with a code) and token endpoint,
/// checking the PKCE verifier against the challenge as a real provider does. Its tokens are signed with
/// <see cref="SigningKey"/>, which the reporting host under test trusts in place of the provider's keys.
/// </summary>
internal sealed class FakeIdentityProvider
{
    public const string Authority = "https://idp.test/";
    public const string ClientId = "reporting-dashboard";
    private const string Code = "the-authorization-code";

    public SymmetricSecurityKey SigningKey { get; } = new(RandomNumberGenerator.GetBytes(32));

    /// <summary>The authorization request's parameters, as the page sent them.</summary>
    public Dictionary<string, string> Authorization { get; } = [];

    /// <summary>The token request's form, as the page posted it.</summary>
    public Dictionary<string, string> TokenRequest { get; } = [];

    public string? AccessToken { get; private set; }

    public Task RouteAsync(IBrowserContext context) => context.RouteAsync($"{Authority}**", async route =>
    {
        var url = new Uri(route.Request.Url);
        switch (url.AbsolutePath)
        {
            case "/.well-known/openid-configuration":
                await JsonAsync(route, $$"""{"issuer":"{{Authority}}","authorization_endpoint":"{{Authority}}authorize","token_endpoint":"{{Authority}}token"}""");
                break;
            case "/authorize":
                Fill(Authorization, url.Query);
                var back = $"{Authorization["redirect_uri"]}?code={Code}&state={Uri.EscapeDataString(Authorization["state"])}";
                await route.FulfillAsync(new RouteFulfillOptions { Status = 302, Headers = new Dictionary<string, string> { ["Location"] = back } });
                break;
            case "/token" when route.Request.Method == "POST":
                Fill(TokenRequest, route.Request.PostData ?? "");
                var verified = TokenRequest.GetValueOrDefault("code") == Code
                    && Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(TokenRequest.GetValueOrDefault("code_verifier") ?? ""))) == Authorization["code_challenge"];
                if (!verified)
                {
                    await JsonAsync(route, """{"error":"invalid_grant"}""", 400);
                    break;
                }

                AccessToken = Token(new Claim("roles", "hq-reporting"), new Claim("aud", "cybercrime"));
                await JsonAsync(route, $$"""{"access_token":"{{AccessToken}}","token_type":"Bearer","expires_in":3600,"id_token":"{{Token(new Claim("nonce", Authorization["nonce"]), new Claim("aud", ClientId))}}"}""");
                break;
            default:
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
                break;
        }
    });

    private string Token(params Claim[] claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", "ana"), new Claim("name", "Ana Reporter"), .. claims]),
        Issuer = Authority,
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
    });

    private static void Fill(Dictionary<string, string> into, string query)
    {
        var values = HttpUtility.ParseQueryString(query);
        foreach (var key in values.AllKeys.OfType<string>())
        {
            into[key] = values[key]!;
        }
    }

    private static Task JsonAsync(IRoute route, string body, int status = 200) => route.FulfillAsync(new RouteFulfillOptions
    {
        Status = status,
        ContentType = "application/json",
        // The page calls the provider from its own origin: the provider must allow it, as a real one is configured to.
        Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
        Body = body,
    });
}
