using System.Security.Claims;
using Cybercrime.Contracts;
using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cybercrime.Platform.Security;

/// <summary>
/// <c>POST /dev/token</c>: mints a token signed with the local key, for development and the
/// standalone host only. Elsewhere the route answers 403 so that a caller learns why.
/// </summary>
public static class DevTokenEndpoint
{
    public sealed record DevTokenRequest(string? Office, IReadOnlyList<string>? Roles);

    public sealed record DevTokenResponse(string Token);

    public static IEndpointRouteBuilder MapDevTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/token", (DevTokenRequest request, AuthSettings settings, IHostEnvironment environment, TimeProvider clock) =>
            {
                // The environment is checked again here: a host must never mint tokens outside Development and standalone.
                if (!settings.MintsTokens || !environment.IsLocal())
                {
                    return Results.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Development tokens are disabled",
                        detail: "This host takes tokens from the identity provider only.");
                }

                var errors = new ValidationErrors();
                errors.Check(request.Office is null || Offices.All.Contains(request.Office), "office",
                    $"Unknown office '{request.Office}'. Expected one of: {string.Join(", ", Offices.All)}.");
                var roles = request.Roles ?? [];
                for (var i = 0; i < roles.Count; i++)
                {
                    errors.Check(Roles.All.Contains(roles[i]), $"roles[{i}]",
                        $"Unknown role '{roles[i]}'. Expected one of: {string.Join(", ", Roles.All)}.");
                }

                if (errors.Any)
                {
                    return errors.ToResult();
                }

                var claims = new List<Claim> { new("sub", $"dev:{request.Office ?? "hq"}") };
                if (request.Office is not null)
                {
                    claims.Add(new Claim(Roles.OfficeClaim, request.Office));
                }

                claims.AddRange(roles.Select(role => new Claim(Roles.RolesClaim, role)));
                var now = clock.GetUtcNow().UtcDateTime;
                var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                {
                    Subject = new ClaimsIdentity(claims),
                    Issuer = settings.Issuer,
                    Audience = settings.Audience,
                    IssuedAt = now,
                    NotBefore = now,
                    Expires = now.AddHours(8),
                    SigningCredentials = new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256),
                });
                return Results.Ok(new DevTokenResponse(token));
            })
            .AllowAnonymous()
            .WithTags("Development")
            .WithSummary("Mints a development token (Development and the standalone host only).")
            .Produces<DevTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
