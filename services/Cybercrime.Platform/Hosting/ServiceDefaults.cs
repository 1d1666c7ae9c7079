using Cybercrime.Contracts;
using Cybercrime.Platform.Http;
using Cybercrime.Platform.Messaging;
using Cybercrime.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Cybercrime.Platform.Hosting;

/// <summary>What every service host shares: logs, telemetry, health, problem details, OpenAPI, auth.</summary>
public static class ServiceDefaults
{
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((_, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("service", builder.Environment.ApplicationName)
            .WriteTo.Console(new RenderedCompactJsonFormatter()));

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(Outbox.OutboxMetrics.MeterName)
                .AddPrometheusExporter());
        // Traces cost CPU on every request and message; record them only where a collector takes them.
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddSource("MassTransit"))
                .UseOtlpExporter();
        }

        builder.Services.AddHealthChecks();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = JsonBody.ExplainUnsupportedType);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Minimal APIs otherwise answer unreadable bodies with a bare 400 outside Development.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options => ContractJson.Configure(options.SerializerOptions));
        builder.Services.AddOpenApi(options =>
        {
            OpenApiSecurity.Configure(options);
            OpenApiEnums.Configure(options);
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPlatformAuth();
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // A JSON body the framework cannot bind is read again to name every field at fault (JsonBody).
        app.Use((context, next) =>
        {
            if (context.Request.HasJsonContentType())
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapDevTokenEndpoint();
        app.MapOperationsEndpoints();
        return app;
    }

    /// <summary>
    /// Runs the service until it is stopped. A service that cannot start (its store or broker unreachable)
    /// ends with one short line on stderr and exit code 1, not with an unhandled exception's dump and an
    /// abort; its log already holds the details. Failures once it has started are left to crash loudly.
    /// </summary>
    public static void RunService(this WebApplication app)
    {
        // Read before running: the host disposes its services when it stops.
        var name = app.Environment.ApplicationName;
        var started = false;
        app.Lifetime.ApplicationStarted.Register(() => started = true);
        try
        {
            app.Run();
        }
        catch (Exception e) when (!started)
        {
            Console.Error.WriteLine($"{name} did not start: {Reason(e)}");
            Environment.ExitCode = 1;
        }
    }

    /// <summary>The exception's own words, without the inner exception's message that drivers append to it.</summary>
    internal static string Reason(Exception e)
    {
        var message = e.Message;
        if (e.InnerException?.Message is { Length: > 0 } inner && message.EndsWith(inner, StringComparison.Ordinal))
        {
            message = message[..^inner.Length].TrimEnd();
        }

        return message.Split('\n')[0];
    }
}
