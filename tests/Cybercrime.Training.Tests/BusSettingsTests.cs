using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cybercrime.Training.Tests;

public sealed class BusSettingsTests(TrainingApi api) : IClassFixture<TrainingApi>
{
    [Fact]
    public void The_bus_reports_no_usage_telemetry_to_anyone()
    {
        _ = api.CreateClient();

        Assert.False(api.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
