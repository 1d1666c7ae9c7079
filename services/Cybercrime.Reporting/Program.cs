using Cybercrime.Platform.Hosting;
using Cybercrime.Platform.Messaging;
using Cybercrime.Reporting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReportingService();
builder.AddMessageBus();

var app = builder.Build();
app.MapServiceDefaults();
app.MapReportingEndpoints();
app.RunService();
