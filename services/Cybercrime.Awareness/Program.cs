using Cybercrime.Awareness;
using Cybercrime.Platform.Hosting;

// The awareness service alone: RabbitMQ and MongoDB by default (see README, "Running it for real").
ServiceHost.Build(WebApplication.CreateBuilder(args), AwarenessService.Module).RunService();
