using System.Net.Http.Json;
using System.Text.Json;

namespace Cybercrime.Faults;

/// <summary>Reporting's operations endpoints, as an operator uses them.</summary>
internal static class Operations
{
    public static async Task<JsonElement> ParkedAsync(FaultPipeline pipeline)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pipeline.ReportingAddress(), $"/operations/parked/{BrokerQueues.Reporting}"));
        request.Headers.Authorization = pipeline.Operations;
        using var answer = await pipeline.Http.SendAsync(request);
        answer.EnsureSuccessStatusCode();
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Sends every parked message back to reporting's queue; returns how many.</summary>
    public static async Task<int> ReplayAsync(FaultPipeline pipeline)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(pipeline.ReportingAddress(), $"/operations/parked/{BrokerQueues.Reporting}/replay"));
        request.Headers.Authorization = pipeline.Operations;
        using var answer = await pipeline.Http.SendAsync(request);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetInt32();
    }
}
