using Cybercrime.Platform.Hosting;
using Cybercrime.Training;

// The training service alone: RabbitMQ and MongoDB by default (see README, "Running it for real").
ServiceHost.Build(WebApplication.CreateBuilder(args), TrainingService.Module).RunService();
