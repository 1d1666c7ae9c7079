using System.Reflection;
using Cybercrime.Platform.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Cybercrime.Platform.Hosting;

/// <summary>
/// A service as a host composes it: <paramref name="Name"/> (kebab-case: its broker user, its
/// Deployment and compose service), what it registers and what it maps. A service declares one;
/// its own Program.cs and the standalone host both run it through <see cref="ServiceHost"/>.
/// </summary>
public sealed record ServiceModule(string Name, Action<IHostApplicationBuilder> Add, Action<IEndpointRouteBuilder> Map)
{
    /// <summary>The service's own assembly (where its registrations are declared).</summary>
    public Assembly Assembly => Add.Method.Module.Assembly;
}

/// <summary>One or several services on one host: shared defaults, each service, one bus.</summary>
public static class ServiceHost
{
    public static WebApplication Build(WebApplicationBuilder builder, params IReadOnlyList<ServiceModule> services)
    {
        builder.AddServiceDefaults();
        foreach (var service in services)
        {
            service.Add(builder);
        }

        builder.AddMessageBus();
        var app = builder.Build();
        app.MapServiceDefaults();
        foreach (var service in services)
        {
            service.Map(app);
        }

        return app;
    }
}
