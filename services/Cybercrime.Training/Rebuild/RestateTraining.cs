using Cybercrime.Contracts.Reporting;
using Cybercrime.Contracts.Training;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Storage;
using Cybercrime.Training.Registrations;
using Cybercrime.Training.Sessions;
using MassTransit;

namespace Cybercrime.Training.Rebuild;

/// <summary>Reporting rebuilds: every session and registration as it stands, at its version.</summary>
internal sealed class RestateTraining(IDocumentCollection<TrainingSession> sessions, IDocumentCollection<Registration> registrations, TimeProvider clock)
    : IConsumer<ReportingRebuildRequested>
{
    public async Task Consume(ConsumeContext<ReportingRebuildRequested> context)
    {
        var restatement = new Restatement(context, "training", clock);
        await restatement.AllAsync(sessions, (s, now) => new TrainingSessionRestated(Guid.NewGuid(), now, s.Office, s.Key, s.Version, s.Snapshot()));
        await restatement.AllAsync(registrations, (r, now) => new RegistrationRestated(Guid.NewGuid(), now, r.Office, r.Key, r.Version, r.Snapshot()));
        await restatement.AnnounceAsync();
    }
}
