using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Cybercrime.Platform.Security;

public static class AuthRegistration
{
    /// <summary>Policy for writes: an office editor whose token names a real office.</summary>
    public const string OfficeEditorPolicy = "office-editor";

    public const string HqReportingPolicy = "hq-reporting";

    public const string OperationsPolicy = "operations";

    public static IHostApplicationBuilder AddPlatformAuth(this IHostApplicationBuilder builder)
    {
        var settings = AuthSettings.From(builder.Configuration);
        if (settings.DevTokens && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException("Auth:DevTokens is refused in Production: tokens must come from the identity provider.");
        }

        // Checked now so that a host without a usable key fails at start-up, not on its first request.
        var signingKey = settings.Authority is { Length: > 0 } ? null : settings.Key();
        builder.Services.AddSingleton(settings);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    RoleClaimType = Roles.RolesClaim,
                    NameClaimType = "sub",
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                if (signingKey is null)
                {
                    options.Authority = settings.Authority;
                }
                else
                {
                    options.TokenValidationParameters.IssuerSigningKey = signingKey;
                }
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OfficeEditorPolicy, policy => policy
                .RequireRole(Roles.OfficeEditor)
                .RequireAssertion(context => context.User.Office() is not null))
            .AddPolicy(HqReportingPolicy, policy => policy.RequireRole(Roles.HqReporting))
            .AddPolicy(OperationsPolicy, policy => policy.RequireRole(Roles.Operations));
        return builder;
    }
}
