using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Messaging;
using Cybercrime.Training;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTrainingService();
builder.AddMessageBus();

var app = builder.Build();
app.MapServiceDefaults();
app.MapTrainingEndpoints();
app.RunService();
