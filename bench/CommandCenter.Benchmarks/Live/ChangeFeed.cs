using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommandCenter.Benchmarks.Live;

/// <summary>
/// Drives new cases through report → accept → dispatch over the API at a steady pace, as a
/// dispatcher's desk would. Each command commits one change that publishes one case event.
/// </summary>
internal sealed class ChangeFeed(HttpClient http, ReportSamples samples)
{
    /// <summary>The demo street's first dispatcher (DemoStreet numbers its staff: administrator 1, leaders 2–3, dispatchers 4–6).</summary>

    private readonly Random _random = new(20);
    private readonly Dictionary<(string Level, int CourtyardId), int?> _unitServing = [];

    /// <summary>From sending each command to its response: what the dispatcher waits for.</summary>
    public List<double> CommandMilliseconds { get; } = [];

    public static async Task<ChangeFeed> CreateAsync(HttpClient http, BenchAccess access)
    {
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access.DispatcherSecret);
        return new ChangeFeed(http, await ReportSamples.LoadAsync(http));
    }

    /// <summary>Makes <paramref name="count"/> changes, one per <paramref name="interval"/> (later if a command takes longer).</summary>
    public async Task<IReadOnlyList<LiveChange>> RunAsync(int count, TimeSpan interval)
    {
        var changes = new List<LiveChange>(count);
        var start = Stopwatch.GetTimestamp();
        Task Turn() => DelayUntil(start + (long)(changes.Count * interval.TotalSeconds * Stopwatch.Frequency));

        while (changes.Count < count)
        {
            await Turn();
            var (reported, _) = await CommandAsync("/api/cases", NewReport(), "Reported");
            changes.Add(reported);
            if (changes.Count == count) break;

            await Turn();
            var (accepted, acceptedCase) = await CommandAsync($"/api/cases/{reported.CaseId}/accept", null, "Accepted");
            changes.Add(accepted);
            if (changes.Count == count) break;

            // A case whose level no unit serves in its courtyard cannot be dispatched; the next case takes its turn.
            if (await UnitServingAsync(acceptedCase) is not { } unitId) continue;
            await Turn();
            changes.Add((await CommandAsync($"/api/cases/{reported.CaseId}/dispatch", new { unitId }, "Dispatched")).Change);
        }
        return changes;
    }

    /// <summary>Reports one more case and returns its number: a change that every open wall shows.</summary>
    public async Task<string> ReportOneAsync() => (await CommandAsync("/api/cases", NewReport(), "Reported")).Change.Number;

    private object NewReport() => samples.Next(_random, $"实时推送测试 {_random.Next()}：楼道灯坏了需要维修");

    private async Task<(LiveChange Change, JsonElement Detail)> CommandAsync(string path, object? body, string eventType)
    {
        var sent = Stopwatch.GetTimestamp();
        using var response = body is null ? await http.PostAsync(path, content: null) : await http.PostAsJsonAsync(path, body);
        var respondedAt = Stopwatch.GetTimestamp();
        var respondedAtUtc = DateTime.UtcNow;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        CommandMilliseconds.Add(Stopwatch.GetElapsedTime(sent, respondedAt).TotalMilliseconds);
        var detail = await response.Content.ReadFromJsonAsync<JsonElement>();
        var change = new LiveChange(detail.GetProperty("id").GetGuid(), detail.GetProperty("number").GetString()!, eventType, respondedAt, respondedAtUtc);
        return (change, detail);
    }

    private async Task<int?> UnitServingAsync(JsonElement @case)
    {
        var key = (@case.GetProperty("level").GetString()!, @case.GetProperty("place").GetProperty("courtyardId").GetInt32());
        if (!_unitServing.TryGetValue(key, out var unitId))
        {
            var units = await http.GetFromJsonAsync<JsonElement[]>($"/api/reference/units?level={key.Item1}&courtyardId={key.Item2}");
            _unitServing[key] = unitId = units!.Select(u => (int?)u.GetProperty("id").GetInt32()).FirstOrDefault();
        }
        return unitId;
    }

    private static async Task DelayUntil(long timestamp)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }
}
