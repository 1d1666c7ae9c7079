using Cybercrime.Platform.Hosting;
using Cybercrime.Standalone;

// Every service in one process on the embedded defaults: in-memory bus, one SQLite file per service.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = StandaloneDefaults.Environment });
builder.UseStandaloneDefaults();
var app = ServiceHost.Build(builder, StandaloneServices.All);
app.PrintWelcomeOnStart();
app.SeedOnFirstStart();
app.RunService();
