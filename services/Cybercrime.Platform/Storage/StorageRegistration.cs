using Cybercrime.Platform.Http;
using Cybercrime.Platform.Outbox;
using Cybercrime.Platform.Storage.Mongo;
using Cybercrime.Platform.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace Cybercrime.Platform.Storage;

/// <summary>Declares a service's collections in code; the adapter comes from <c>Storage:Provider</c>.</summary>
public sealed class StoreBuilder(string storeName, IServiceCollection services)
{
    internal List<CollectionDefinition> Definitions { get; } = [];

    /// <summary>Declares a collection and makes it injectable as <see cref="IDocumentCollection{T}"/>.</summary>
    public StoreBuilder Collection<T>(string name, params string[] indexedFields) where T : class, IDocument
    {
        Declare<T>(name, indexedFields);
        services.AddSingleton(provider => provider.GetRequiredKeyedService<DocumentStore>(storeName).Collection<T>());
        return this;
    }

    /// <summary>Declares a collection that only the platform reaches, through the store.</summary>
    internal void Declare<T>(string name, params string[] indexedFields) where T : class, IDocument =>
        Definitions.Add(new CollectionDefinition(typeof(T), name, indexedFields));
}

public static class StorageRegistration
{
    /// <summary>
    /// Registers the store named <paramref name="storeName"/> (its own SQLite file or MongoDB database),
    /// each declared collection as <see cref="IDocumentCollection{T}"/>, its start-up initialisation,
    /// readiness check and outbox dispatcher.
    /// </summary>
    public static IHostApplicationBuilder AddDocumentStore(this IHostApplicationBuilder builder, string storeName, Action<StoreBuilder> declare)
    {
        var services = builder.Services;
        var declared = new StoreBuilder(storeName, services);
        declared.Definitions.Add(IdempotencyRecord.Collection);
        declare(declared);
        var settings = StorageSettings.From(builder.Configuration);

        if (settings.Provider == StorageProvider.Mongo)
        {
            services.TryAddSingleton<IMongoClient>(_ => new MongoClient(settings.MongoClientSettings()));
        }

        services.AddKeyedSingleton<DocumentStore>(storeName, (provider, _) => settings.Provider switch
        {
            StorageProvider.Sqlite => new SqliteDocumentStore(
                storeName, settings.SqliteFile(storeName), declared.Definitions,
                TimeSpan.FromSeconds(builder.Configuration.GetValue("Storage:WriteTimeoutSeconds", 10))),
            _ => new MongoDocumentStore(
                storeName, provider.GetRequiredService<IMongoClient>().GetDatabase(settings.MongoDatabase(storeName)), declared.Definitions),
        });

        services.TryAddSingleton(OutboxSettings.From(builder.Configuration));
        services.TryAddSingleton<OutboxMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(storeName, (provider, _) => ActivatorUtilities.CreateInstance<OutboxMonitor>(
            provider, provider.GetRequiredKeyedService<DocumentStore>(storeName)));

        // Not AddHostedService: it keeps one registration per type, and a process may host several stores.
        services.AddSingleton<IHostedService>(provider => new StoreInitializer(provider.GetRequiredKeyedService<DocumentStore>(storeName)));
        services.TryAddSingleton(IdempotencySettings.From(builder.Configuration));
        services.TryAddSingleton(TimeProvider.System);
        if (settings.Provider == StorageProvider.Sqlite)
        {
            services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<SqliteExpirySweep>(
                provider, provider.GetRequiredKeyedService<DocumentStore>(storeName)));
        }

        services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<OutboxDispatcher>(
            provider, provider.GetRequiredKeyedService<DocumentStore>(storeName)));
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredKeyedService<OutboxMonitor>(storeName));
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration(
                $"store-{storeName}",
                provider => new StoreHealthCheck(provider.GetRequiredKeyedService<DocumentStore>(storeName)),
                HealthStatus.Unhealthy,
                ["ready"]))
            .Add(new HealthCheckRegistration(
                $"outbox-{storeName}", provider => provider.GetRequiredKeyedService<OutboxMonitor>(storeName), HealthStatus.Unhealthy, ["ready"]));
        return builder;
    }

    private sealed class StoreInitializer(DocumentStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class StoreHealthCheck(DocumentStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await store.PingAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e)
            {
                return HealthCheckResult.Unhealthy($"The {store.Name} store cannot be reached.", e);
            }
        }
    }
}
