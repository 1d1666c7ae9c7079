using Cybercrime.Contracts;
using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Security;

namespace Cybercrime.Reporting.Dashboard;

/// <summary>What the page needs to know before it signs anyone in: how to get a token, and what it may filter by.</summary>
internal sealed record DashboardConfig(
    bool DevTokens, string? Authority, string? ClientId, string Scope, int Year, int FirstYear, int LastYear, IReadOnlyList<string> Offices);

/// <summary>
/// <c>GET /reporting/dashboard</c>: the reporting dashboard, a static page (no token needed) whose
/// scripts sign in and then read the summaries with the hq-reporting token they got. Its answers carry
/// a Content-Security-Policy that allows scripts, styles and images from this host only, and calls to
/// this host and the identity provider only: the page has no inline script or style.
/// </summary>
internal static class DashboardPage
{
    public const string Path = "/reporting/dashboard";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup(Path).AllowAnonymous().WithTags("Reporting dashboard");
        // HEAD as GET without a body (link checkers, uptime probes); the page's address has no trailing slash.
        dashboard.MapMethods("", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, AuthSettings auth) =>
                context.Request.Path.Value?.EndsWith('/') is true ? ToPage(context) : Serve(context, auth, "index.html"))
            .WithSummary("The reporting dashboard (an HTML page: open it in a browser; it signs in and reads the summaries itself).")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        dashboard.MapGet("/config", (HttpContext context, AuthSettings auth, IHostEnvironment environment, IConfiguration configuration, TimeProvider clock) =>
            {
                SecureHeaders(context, auth);
                return TypedResults.Ok(new DashboardConfig(
                    auth.MintsTokens && environment.IsLocal(),
                    auth.Authority,
                    configuration["Dashboard:ClientId"],
                    configuration["Dashboard:Scope"] ?? "openid",
                    configuration.GetValue("Dashboard:Year", clock.GetUtcNow().Year - 1),
                    ReportingYears.First,
                    ReportingYears.Last,
                    [.. Offices.All.Order(StringComparer.Ordinal)]));
            })
            .WithSummary("How the dashboard signs in (development tokens, or the identity provider's authority and the dashboard's client id) and its filters.");
        dashboard.MapMethods("/{**file}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, AuthSettings auth, string? file) =>
                string.IsNullOrEmpty(file) ? ToPage(context) : Serve(context, auth, file))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// <c>/reporting/dashboard/</c> → <c>/reporting/dashboard</c> (query kept): one address, so the sign-in's
    /// redirect_uri is always the one registered with the identity provider.
    /// </summary>
    private static IResult ToPage(HttpContext context) => TypedResults.Redirect($"{Path}{context.Request.QueryString}");

    private static IResult Serve(HttpContext context, AuthSettings auth, string file)
    {
        if (!DashboardAssets.All.TryGetValue(file, out var asset))
        {
            return TypedResults.NotFound();
        }

        SecureHeaders(context, auth);
        // Revalidated on each load (a 304 when unchanged), so a new version is never hidden by a cache.
        context.Response.Headers.CacheControl = "no-cache";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentType = asset.ContentType;
            context.Response.ContentLength = asset.Content.Length;
            context.Response.Headers.ETag = asset.ETag.ToString();
            return TypedResults.Ok();
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
    }

    private static void SecureHeaders(HttpContext context, AuthSettings auth)
    {
        // The identity provider is called from the page (discovery, token endpoint) when one is configured.
        var provider = Uri.TryCreate(auth.Authority, UriKind.Absolute, out var authority) ? $" {authority.GetLeftPart(UriPartial.Authority)}" : "";
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'self'; connect-src 'self'{provider}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        // The sign-in answer (?code=…) never leaves in a Referer header.
        headers["Referrer-Policy"] = "no-referrer";
    }
}
