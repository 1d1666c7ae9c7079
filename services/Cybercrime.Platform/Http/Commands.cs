using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cybercrime.Contracts;
using Cybercrime.Platform.Security;
using Cybercrime.Platform.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cybercrime.Platform.Http;

/// <summary>What a command decided: changes to commit and the answer to give, or a refusal that changes nothing.</summary>
public abstract record CommandOutcome
{
    public static CommandOutcome Commit(Changes changes, int statusCode, object body, string? location = null) =>
        new Accepted(changes, statusCode, body, location);

    public static CommandOutcome Refuse(IResult result) => new Refused(result);

    internal sealed record Accepted(Changes Changes, int StatusCode, object Body, string? Location) : CommandOutcome;

    internal sealed record Refused(IResult Result) : CommandOutcome;
}

/// <summary>
/// Runs a write command against a store: decides on fresh state, commits, and answers. A decision
/// overtaken by a concurrent change is simply decided again on the new state. With an
/// <c>Idempotency-Key</c> header, the answer is committed with the changes, and a request sent
/// again with the same key gets the first answer back and changes nothing, until the record expires
/// (<c>Idempotency:RetentionHours</c>, 24 by default). Commands that name a
/// <c>turn</c> (the aggregate they change) run one at a time per turn within this process.
/// </summary>
public static class Commands
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxAttempts = 10;
    private const int MaxKeyLength = 200;

    public static async Task<IResult> RunAsync(
        this DocumentStore store, HttpContext http, object request, Func<Task<CommandOutcome>> decide, string? turn = null)
    {
        var cancellationToken = http.RequestAborted;
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > MaxKeyLength)
        {
            var errors = new ValidationErrors();
            errors.Add(IdempotencyHeader, $"The key is longer than {MaxKeyLength} characters.");
            return errors.ToResult();
        }

        var records = store.Collection<IdempotencyRecord>();
        var recordId = key.Length == 0 ? null : $"{http.User.Office() ?? "-"}|{key}";
        var fingerprint = recordId is null ? "" : Fingerprint(http, request);
        var clock = http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var retention = http.RequestServices.GetService<IdempotencySettings>()?.Retention ?? IdempotencySettings.DefaultRetention;
        using var _ = turn is null ? null : await Turns.TakeAsync($"{store.Name}|{turn}", cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var earlier = recordId is null ? null : await records.FindAsync(recordId, cancellationToken);
            if (earlier is not null && !earlier.HasExpired(now))
            {
                return Replay(earlier, fingerprint);
            }

            var outcome = await decide();
            if (outcome is CommandOutcome.Refused refused)
            {
                return refused.Result;
            }

            var accepted = (CommandOutcome.Accepted)outcome;
            var body = JsonSerializer.Serialize(accepted.Body, accepted.Body.GetType(), ContractJson.Options);
            if (recordId is not null)
            {
                // An expired record not yet swept is replaced, at its next version.
                var version = earlier?.Version ?? 0;
                accepted.Changes.Save(
                    new IdempotencyRecord(recordId, version + 1, fingerprint, accepted.StatusCode, body, accepted.Location, now, now + retention), version);
            }

            try
            {
                await store.CommitAsync(accepted.Changes, cancellationToken);
                return Answer(accepted.StatusCode, body, accepted.Location);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Another process changed the same records (or sent the same key) meanwhile: look again,
                // after a short random pause, so that racing requests land in different commits.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), cancellationToken);
            }
        }
    }

    private static IResult Replay(IdempotencyRecord earlier, string fingerprint) =>
        earlier.Fingerprint == fingerprint
            ? Answer(earlier.StatusCode, earlier.Body, earlier.Location)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The Idempotency-Key was already used for a different request.",
                detail: "Send a new key for a new request; resend the same request to get its first answer.");

    private static IResult Answer(int statusCode, string body, string? location) => new JsonAnswer(statusCode, body, location);

    private static string Fingerprint(HttpContext http, object request)
    {
        var text = $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n{(request as string ?? JsonSerializer.Serialize(request, request.GetType(), ContractJson.Options))}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private sealed class JsonAnswer(int statusCode, string body, string? location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            return httpContext.Response.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}

/// <summary>
/// The first answer to a request sent with an Idempotency-Key, kept with the changes it made until
/// <see cref="ExpiresAt"/>: a TTL index removes it on MongoDB, a periodic sweep on SQLite.
/// </summary>
public sealed record IdempotencyRecord(
    string Id, long Version, string Fingerprint, int StatusCode, string Body, string? Location, DateTime CreatedAt, DateTime ExpiresAt) : IDocument
{
    /// <summary>Its collection in every store. The expiry is a date per record, so that a new retention needs no new index.</summary>
    public static readonly CollectionDefinition Collection = new(typeof(IdempotencyRecord), "idempotency", []) { ExpiryField = "expiresAt" };

    /// <summary>Records written before expiry existed have no date (the minimum value): expired.</summary>
    public bool HasExpired(DateTime now) => ExpiresAt <= now;
}

/// <summary><c>Idempotency:RetentionHours</c>: how long a key's first answer is kept (24 hours by default).</summary>
public sealed record IdempotencySettings(TimeSpan Retention)
{
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(24);

    public static IdempotencySettings From(IConfiguration configuration)
    {
        var hours = configuration.GetValue("Idempotency:RetentionHours", DefaultRetention.TotalHours);
        return hours > 0
            ? new IdempotencySettings(TimeSpan.FromHours(hours))
            : throw new InvalidOperationException($"Idempotency:RetentionHours is {hours}; it must be more than 0.");
    }
}
