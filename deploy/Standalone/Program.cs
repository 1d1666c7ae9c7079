using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Messaging;
using Cybercrime.Reporting;
using Cybercrime.Standalone;
using Cybercrime.Training;

// Every service in one process on the embedded defaults: in-memory bus, one SQLite file per service.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = StandaloneDefaults.Environment });
builder.UseStandaloneDefaults();
builder.AddServiceDefaults();
builder.AddTrainingService();
builder.AddReportingService();
builder.AddMessageBus();

var app = builder.Build();
app.MapServiceDefaults();
app.MapTrainingEndpoints();
app.MapReportingEndpoints();
app.PrintWelcomeOnStart();
app.SeedOnFirstStart();
app.RunService();
