using Cybercrime.Evidence;
using Cybercrime.Platform.Hosting;

// The evidence-request service alone: RabbitMQ and MongoDB by default (see README, "Running it for real").
ServiceHost.Build(WebApplication.CreateBuilder(args), EvidenceService.Module).RunService();
