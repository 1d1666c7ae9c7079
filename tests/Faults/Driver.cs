using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cybercrime.Faults;

/// <summary>
/// Streams business operations through training's public API as a careful client would: each
/// operation registers a person of its own and completes them, so that reporting's
/// <c>participations</c> and <c>completions</c> map to operations one to one. Every request carries an
/// <c>Idempotency-Key</c>; one that gets no answer (a killed process) or 503 (the store unavailable) is
/// sent again until it is answered, and only a 2xx answer counts as acknowledged.
/// </summary>
internal sealed class Driver(FaultPipeline pipeline, string prefix)
{
    private const int Concurrency = 8;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    /// <summary>How often progress is looked at, and how long a refused request waits before it is sent again.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);
    private readonly Lock _slowest = new();
    private int _started;
    private int _registered;
    private int _completed;
    private int _unavailable;
    private int _unanswered;
    private int _refused;
    private TimeSpan _slowestAnswer;

    public int Registered => _registered;

    public int Completed => _completed;

    /// <summary>503 answers (each retried).</summary>
    public int Unavailable => _unavailable;

    /// <summary>Requests that got no answer at all (each retried).</summary>
    public int Unanswered => _unanswered;

    /// <summary>Operations given up: an answer other than 2xx, 503, or no answer for <see cref="GiveUpAfter"/>.</summary>
    public int Refused => _refused;

    public TimeSpan SlowestAnswer => _slowestAnswer;

    /// <summary>Runs <paramref name="count"/> operations, at most <paramref name="perSecond"/> started a second.</summary>
    public async Task RunAsync(int count, double perSecond = 100)
    {
        var clock = Stopwatch.StartNew();
        var first = Volatile.Read(ref _started);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (_, _) =>
        {
            var n = Interlocked.Increment(ref _started);
            var due = TimeSpan.FromSeconds((n - first) / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            await OperateAsync(n);
        });
    }

    /// <summary>Completes when <paramref name="count"/> operations are acknowledged in all.</summary>
    public async Task ReachedAsync(int count)
    {
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref _completed) + Volatile.Read(ref _refused) < count)
        {
            if (deadline.Elapsed > GiveUpAfter)
            {
                throw new TimeoutException($"Gave up after {GiveUpAfter.TotalMinutes:0} min waiting for {count} operations; {_completed} acknowledged.");
            }

            await Task.Delay(Poll);
        }
    }

    private async Task OperateAsync(int n)
    {
        var session = pipeline.Sessions[n % pipeline.Sessions.Count];
        var registered = await SendAsync($"/training/sessions/{session}/registrations", $"{prefix}-{n}-register", new
        {
            participant = new { externalRef = $"{prefix}-{n}", gender = n % 2 == 0 ? "female" : "male", countryCode = "GTM", agencyType = "law-enforcement" },
        });
        if (registered is not { } registration)
        {
            return;
        }

        Interlocked.Increment(ref _registered);
        var id = registration.GetProperty("registrationId").GetString();
        if (await SendAsync($"/training/sessions/{session}/registrations/{id}/completion", $"{prefix}-{n}-complete", null) is not null)
        {
            Interlocked.Increment(ref _completed);
        }
    }

    private async Task<JsonElement?> SendAsync(string path, string key, object? body)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < GiveUpAfter)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(pipeline.TrainingAddress(), path))
            {
                Content = body is null ? null : JsonContent.Create(body),
            };
            request.Headers.Authorization = pipeline.Editor;
            request.Headers.Add("Idempotency-Key", key);
            var sent = Stopwatch.StartNew();
            try
            {
                using var answer = await pipeline.Http.SendAsync(request);
                Keep(sent.Elapsed);
                if (answer.IsSuccessStatusCode)
                {
                    return await answer.Content.ReadFromJsonAsync<JsonElement>();
                }

                if (answer.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref _refused);
                    Console.Error.WriteLine($"  {path} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
                    return null;
                }

                Interlocked.Increment(ref _unavailable);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _unanswered);
            }

            await Task.Delay(RetryPause);
        }

        Interlocked.Increment(ref _refused);
        return null;
    }

    private void Keep(TimeSpan elapsed)
    {
        lock (_slowest)
        {
            _slowestAnswer = elapsed > _slowestAnswer ? elapsed : _slowestAnswer;
        }
    }
}
