using Cybercrime.Platform.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
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

    /// <summary>The secretariat of the intergovernmental meetings: expert-group meetings, documents and recommendations.</summary>
    public const string SecretariatPolicy = "secretariat";

    public static IHostApplicationBuilder AddPlatformAuth(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Auth:DevTokens", false) && !builder.Environment.IsLocal())
        {
            throw new InvalidOperationException(
                $"Auth:DevTokens is refused in {builder.Environment.EnvironmentName}: only Development and the standalone host mint tokens; " +
                "elsewhere tokens come from the identity provider (Auth:Authority).");
        }

        var settings = AuthSettings.From(builder.Configuration, () => builder.Require(AuthSettings.SigningKeySetting));
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
                if (settings.SigningKey is null)
                {
                    options.Authority = settings.Authority;
                }
                else
                {
                    options.TokenValidationParameters.IssuerSigningKey = settings.SigningKey;
                }
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OfficeEditorPolicy, policy => policy
                .RequireRole(Roles.OfficeEditor)
                .RequireAssertion(context => context.User.Office() is not null))
            .AddPolicy(HqReportingPolicy, policy => policy.RequireRole(Roles.HqReporting))
            .AddPolicy(OperationsPolicy, policy => policy.RequireRole(Roles.Operations))
            .AddPolicy(SecretariatPolicy, policy => policy.RequireRole(Roles.Secretariat));
        return builder;
    }
}
