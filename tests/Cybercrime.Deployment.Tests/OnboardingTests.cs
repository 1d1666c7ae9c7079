namespace Cybercrime.Deployment.Tests;

/// <summary>Forgetting a step of adding a service fails here, saying which (docs/adding-a-service.md).</summary>
public sealed class OnboardingTests
{
    public static TheoryData<string> Services() => [.. Onboarding.ServiceProjects()];

    [Fact]
    public void The_services_are_found()
    {
        Assert.Contains("Cybercrime.Training", Onboarding.ServiceProjects());
        Assert.Contains("Cybercrime.Reporting", Onboarding.ServiceProjects());
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_service_has_a_broker_user_a_deployment_a_compose_service_and_a_place_in_the_standalone_host(string project)
    {
        Assert.Empty(Onboarding.Missing(project));
    }

    [Fact]
    public void A_service_the_standalone_host_does_not_compose_is_reported()
    {
        var missing = Assert.Single(Onboarding.Missing("Cybercrime.Forgotten"));

        Assert.Contains("missing from the standalone host", missing, StringComparison.Ordinal);
    }
}
