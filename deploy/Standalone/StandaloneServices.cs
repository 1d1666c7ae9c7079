using Cybercrime.Awareness;
using Cybercrime.Evidence;
using Cybercrime.ExpertGroup;
using Cybercrime.Platform.Hosting;
using Cybercrime.Reporting;
using Cybercrime.Training;

namespace Cybercrime.Standalone;

/// <summary>
/// Every service the standalone host runs: one line each (docs/adding-a-service.md). The project
/// references come from services/ by wildcard (Cybercrime.Standalone.csproj).
/// </summary>
public static class StandaloneServices
{
    public static readonly IReadOnlyList<ServiceModule> All =
    [
        TrainingService.Module,
        EvidenceService.Module,
        AwarenessService.Module,
        ExpertGroupService.Module,
        ReportingService.Module,
    ];
}
