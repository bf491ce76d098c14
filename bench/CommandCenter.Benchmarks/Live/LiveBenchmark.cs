using System.Globalization;

namespace CommandCenter.Benchmarks.Live;

/// <summary>
/// How fast a committed change reaches live screens, and what an open wall costs the server:
/// (a) API response → receipt by many public-hub clients, (b) API response → the change in the
/// DOM of a real wall page in Chromium, both over the same changes; then (c) server memory per
/// open wall circuit, with no changes running: wall pages in Chromium, then walls that are not
/// browsers (<see cref="CircuitClient"/>). Without Chromium only the last is measured.
/// </summary>
internal static class LiveBenchmark
{
    // A busy dispatch desk, not a flood: the intake benchmark covers throughput.
    private static readonly TimeSpan ChangeInterval = TimeSpan.FromMilliseconds(50);
    // The app has just started: its first commands and renders pay for JIT compilation, which a running street never sees.
    private const int WarmUpChanges = 60;
    private static readonly TimeSpan StragglersWithin = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(string webDll, int hubClients, int changes, int circuits, int clientCircuits, bool withChromium)
    {
        var database = Path.Combine(Path.GetTempPath(), $"cc-bench-live-{Guid.NewGuid():N}.db");
        try
        {
            var yardstick = await MachineYardstick.MeasureAsync(database);
            await using var app = await AppProcess.StartAsync(webDll, database, port: 5312, environment: "Development");
            using var http = new HttpClient { BaseAddress = app.Address };
            var access = await BenchAccess.CreateAsync(app.Address);
            var feed = await ChangeFeed.CreateAsync(http, access);
            if (withChromium)
            {
                await using var chromium = await Chromium.LaunchAsync();
                await MeasureLatencyAsync(app, yardstick, chromium, feed, access, hubClients, changes);
                await CircuitMemory.MeasureAsync(app, chromium, feed, access, circuits);
            }
            else
            {
                // The latency part warms the app up for the memory part; without it, the same changes do, unmeasured.
                await feed.RunAsync(WarmUpChanges, ChangeInterval);
            }
            await CircuitMemory.MeasureClientsAsync(app, feed, access, clientCircuits);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }

    private static async Task MeasureLatencyAsync(AppProcess app, MachineYardstick yardstick, Chromium chromium, ChangeFeed feed, BenchAccess access, int hubClients, int changes)
    {
        await using var wallContext = await chromium.NewContextAsync(app.Address);
        var wall = await WallWatcher.OpenAsync(wallContext, access);
        await using var audience = await HubAudience.ConnectAsync(app.Address, hubClients, access);

        Console.WriteLine($"Live updates: {changes} changes at {1 / ChangeInterval.TotalSeconds:F0}/s through the API (new cases reported, accepted, dispatched),");
        Console.WriteLine($"  after {WarmUpChanges} unmeasured warm-up changes, against {app.Address} (SQLite, Development environment as");
        Console.WriteLine($"  scripts/run.sh runs it); watched by {audience.Count} hub clients (WebSockets, street group) and one /wall page in");
        Console.WriteLine("  Chromium. Latency: from the command's HTTP response to the hub message in the client / to the feed row in the");
        Console.WriteLine("  page's DOM (taken in the page, on the same clock).");
        await feed.RunAsync(WarmUpChanges, ChangeInterval);
        feed.CommandMilliseconds.Clear();
        var measured = await feed.RunAsync(changes, ChangeInterval);
        await WaitForStragglersAsync(audience, wall, measured);

        var hub = audience.Measure(measured);
        var dom = await wall.MeasureAsync(measured);
        Console.WriteLine($"  API command:   {new LatencyStats(feed.CommandMilliseconds).Describe(50, 95)}");
        Console.WriteLine($"  (a) hub:       {hub.Stats.Describe(50, 95)}  ({hub.Stats.Count:N0} receipts, {hub.Missed:N0} missed"
            + $" of {changes:N0} changes × {audience.Count} clients; {audience.Lost} connections lost)"
            + $"  goal p95 ≤ {LiveGoals.HubP95Milliseconds} ms: {LiveGoals.Verdict(hub.Stats.Percentile(95) <= LiveGoals.HubP95Milliseconds)}");
        Console.WriteLine($"  (b) wall DOM:  {dom.Stats.Describe(50, 95)}  ({dom.Stats.Count:N0} shown, {dom.Missed:N0} missed of {changes:N0} changes)"
            + $"  goal p95 ≤ {LiveGoals.WallDomP95Milliseconds} ms: {LiveGoals.Verdict(dom.Stats.Percentile(95) <= LiveGoals.WallDomP95Milliseconds)}");
        Console.WriteLine("      the wall renders at most 4 times a second, so up to 250 ms of this is its deliberate coalescing.");
        Console.WriteLine($"  against the yardstick: hub p95 = {yardstick.PerHashedMegabyte(hub.Stats.Percentile(95))}, "
            + $"wall DOM p95 = {yardstick.PerHashedMegabyte(dom.Stats.Percentile(95))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  server working set after the run: {app.WorkingSetBytes / 1048576.0:F0} MB"));
    }

    /// <summary>Gives the last changes' messages and renders time to arrive; whatever has not arrived by then is missed.</summary>
    private static async Task WaitForStragglersAsync(HubAudience audience, WallWatcher wall, IReadOnlyList<LiveChange> changes)
    {
        var deadline = DateTime.UtcNow + StragglersWithin;
        while (DateTime.UtcNow < deadline && (audience.Measure(changes).Missed > 0 || (await wall.MeasureAsync(changes)).Missed > 0))
            await Task.Delay(250);
    }
}
