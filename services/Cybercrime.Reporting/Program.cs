using Cybercrime.Platform.Hosting;
using Cybercrime.Reporting;

// The reporting service alone: RabbitMQ and MongoDB by default (see README, "Running it for real").
ServiceHost.Build(WebApplication.CreateBuilder(args), ReportingService.Module).RunService();
