using Microsoft.Extensions.Hosting;

namespace Cybercrime.Platform.Hosting;

/// <summary>
/// The two environments that may mint development tokens and keep generated secrets in a folder:
/// <c>Development</c> and the standalone host's own environment. Every other one (Staging,
/// Production, …) takes tokens from the identity provider and secrets from its secret store.
/// </summary>
public static class LocalHosts
{
    /// <summary>The environment name of the standalone host (deploy/Standalone).</summary>
    public const string StandaloneEnvironment = "Standalone";

    public static bool IsLocal(this IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(StandaloneEnvironment);
}
