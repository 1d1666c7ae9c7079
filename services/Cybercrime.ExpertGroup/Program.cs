using Cybercrime.ExpertGroup;
using Cybercrime.Platform.Hosting;

// The expert-group documentation service alone: RabbitMQ and MongoDB by default (see README, "Running it for real").
ServiceHost.Build(WebApplication.CreateBuilder(args), ExpertGroupService.Module).RunService();
