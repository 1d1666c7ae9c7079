using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cybercrime.Standalone;
using Cybercrime.TestSupport;

namespace Cybercrime.Deployment.Tests;

/// <summary>
/// Everything a service needs besides its project (docs/adding-a-service.md), looked up in the
/// repository's own files: what is missing for one service, in words a developer can act on.
/// </summary>
internal static class Onboarding
{
    /// <summary>Every service project: services/Cybercrime.*/ but the platform.</summary>
    public static IEnumerable<string> ServiceProjects() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "services"), "Cybercrime.*")
            .Select(Path.GetFileName)
            .Where(name => name != "Cybercrime.Platform" && File.Exists(Path.Combine(RepositoryRoot.Path, "services", name!, $"{name}.csproj")))
            .Select(name => name!)
            .Order(StringComparer.Ordinal);

    /// <summary>What the service <paramref name="project"/> lacks; empty when it is fully wired.</summary>
    public static IReadOnlyList<string> Missing(string project)
    {
        var module = StandaloneServices.All.SingleOrDefault(m => m.Assembly.GetName().Name == project);
        if (module is null)
        {
            return [$"{project} is missing from the standalone host: add its Module to deploy/Standalone/StandaloneServices.cs"];
        }

        var name = module.Name;
        var missing = new List<string>();
        if (!HasBrokerUser(name))
        {
            missing.Add($"no broker user '{name}' with permissions in deploy/rabbitmq/definitions.json");
        }

        if (!HasDeployment(name))
        {
            missing.Add($"no Deployment named '{name}' in a file that deploy/k8s/kustomization.yaml lists");
        }

        if (!Read("compose.yaml").Contains($"SERVICE: {project} }}", StringComparison.Ordinal)
            || !Regex.IsMatch(Read("compose.yaml"), $"^  {Regex.Escape(name)}:\\s*$", RegexOptions.Multiline))
        {
            missing.Add($"no service '{name}' built with SERVICE: {project} in compose.yaml");
        }

        if (!Read("Microservices.sln").Contains($"services\\{project}\\{project}.csproj", StringComparison.Ordinal))
        {
            missing.Add($"services/{project} is not in Microservices.sln");
        }

        return missing;
    }

    private static bool HasBrokerUser(string name)
    {
        var definitions = JsonNode.Parse(Read(Path.Combine("deploy", "rabbitmq", "definitions.json")))!;
        return definitions["users"]!.AsArray().Any(u => u!["name"]!.GetValue<string>() == name)
            && definitions["permissions"]!.AsArray().Any(p => p!["user"]!.GetValue<string>() == name);
    }

    private static bool HasDeployment(string name)
    {
        var kustomization = Read(Path.Combine("deploy", "k8s", "kustomization.yaml"));
        var listed = Regex.Matches(kustomization, @"^\s*-\s*(\S+\.yaml)\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        return listed
            .SelectMany(file => Read(Path.Combine("deploy", "k8s", file)).Split("\n---"))
            .Any(document => Regex.IsMatch(document, @"^kind:\s*Deployment\s*$", RegexOptions.Multiline)
                && Regex.IsMatch(document, $"^metadata:\\s*\\n\\s+name:\\s*{Regex.Escape(name)}\\s*$", RegexOptions.Multiline));
    }

    private static string Read(string path) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, path)).ReplaceLineEndings("\n");
}
