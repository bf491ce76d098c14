using System.Globalization;
using Microsoft.Playwright;

namespace CommandCenter.Benchmarks.Live;

/// <summary>
/// What an open wall costs the server: its memory before and after opening many walls, each waited
/// for until its Blazor circuit is live, divided by the number of walls. Measured twice: with wall
/// pages in Chromium, and with <see cref="CircuitClient"/>s, walls that acknowledge every render at
/// once, so that a browser's backlog (hundreds of pages on two cores) is not counted as the server's.
/// </summary>
internal static class CircuitMemory
{
    // Pages share browser contexts so that Chromium's own memory stays within the machine; each page is still its own circuit.
    private const int PagesPerContext = 50;
    private const int ParallelOpens = 4;
    // A circuit client costs the machine a WebSocket, not a renderer: more of them may open at once.
    private const int ParallelClientOpens = 16;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ChangeShownWithin = TimeSpan.FromSeconds(15);
    // CircuitLimits keeps a circuit whose browser went away for 3 minutes.
    private static readonly TimeSpan ClosedCircuitsGoneWithin = TimeSpan.FromMinutes(4);
    // The wall's trend chart asks the page's root font size before drawing; a browser at 100 % zoom answers 16.
    private static readonly Dictionary<string, string> WallAnswers = new() { ["rootFontSize"] = "16" };

    public static async Task MeasureAsync(AppProcess app, Chromium chromium, ChangeFeed feed, BenchAccess access, int circuits)
    {
        await Task.Delay(Settle);
        var before = await ServerMemory.SampleAsync(app);

        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < circuits; i += PagesPerContext) contexts.Add(await chromium.NewContextAsync(app.Address));
        var pages = new IPage[circuits];
        await Parallel.ForEachAsync(Enumerable.Range(0, circuits), new ParallelOptions { MaxDegreeOfParallelism = ParallelOpens },
            async (i, _) => pages[i] = await Chromium.OpenWallAsync(contexts[i / PagesPerContext], access));

        await Task.Delay(Settle);
        var after = await ServerMemory.SampleAsync(app);
        var live = await CountLiveAsync(pages, await feed.ReportOneAsync());

        Console.WriteLine($"Memory per wall circuit: {circuits} /wall pages in Chromium (up to {PagesPerContext} to a browser context), each waited for");
        Console.WriteLine($"  until its circuit was live; the app measured before the first and {Settle.TotalSeconds:F0} s after the last opened, each time");
        Console.WriteLine("  after a full blocking GC forced over its diagnostics port; (after − before) / circuits.");
        await ReportAsync(app, before, after, circuits, live);

        foreach (var context in contexts) await context.DisposeAsync();
    }

    /// <summary>
    /// The same measurement with circuit clients instead of pages. One client is opened first and kept
    /// out of the count, so that the first wall's start-up (JIT, caches) is not charged to the others.
    /// </summary>
    public static async Task MeasureClientsAsync(AppProcess app, ChangeFeed feed, BenchAccess access, int circuits)
    {
        var waited = await WaitForNoCircuitsAsync(app);
        await using var warmUp = await OpenWallClientAsync(app, access);
        await Task.Delay(Settle);
        var before = await ServerMemory.SampleAsync(app);

        var clients = new CircuitClient?[circuits];
        var refusals = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, circuits), new ParallelOptions { MaxDegreeOfParallelism = ParallelClientOpens }, async (i, _) =>
        {
            try
            {
                clients[i] = await OpenWallClientAsync(app, access);
            }
            // A wall that cannot open is a result to report, whatever the reason (refused, timed out, connection lost).
            catch (Exception e)
            {
                lock (refusals) refusals.Add(e.Message);
            }
        });
        var opened = clients.OfType<CircuitClient>().ToList();

        await Task.Delay(Settle);
        var after = await ServerMemory.SampleAsync(app);
        foreach (var client in opened) client.Record();
        var caseNumber = await feed.ReportOneAsync();
        var shown = await Task.WhenAll(opened.Select(c => c.ShowsAsync(caseNumber, ChangeShownWithin)));

        Console.WriteLine($"Memory per wall circuit, walls that are not browsers: {circuits} circuit clients (blazorpack over WebSockets, as");
        Console.WriteLine("  blazor.web.js opens a /wall page with the display token's cookie), each acknowledging every render batch at once;");
        Console.WriteLine($"  measured as above, after {waited.TotalSeconds:F0} s waiting until the server kept no circuit, with one warm-up client open.");
        if (refusals.Count > 0) Console.WriteLine($"  {refusals.Count} of {circuits} failed to open, e.g. {refusals[0]}");
        if (opened.Count == 0) return;
        await ReportAsync(app, before, after, opened.Count, shown.Count(s => s));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  received per client: {opened.Average(c => c.Batches):F1} render batches, {opened.Average(c => c.BytesReceived) / 1024:F1} KB;"
            + $" circuit errors or closed connections: {opened.Count(c => c.Failure is not null)}"));

        foreach (var client in opened) await client.DisposeAsync();
    }

    private static Task<CircuitClient> OpenWallClientAsync(AppProcess app, BenchAccess access) =>
        CircuitClient.OpenAsync(app.Address, $"wall?access_token={access.DisplaySecret}", "data-circuit", WallAnswers);

    private static async Task ReportAsync(AppProcess app, MemorySample before, MemorySample after, int circuits, int live)
    {
        Console.WriteLine($"  managed heap: {Describe(before.ManagedHeapBytes, after.ManagedHeapBytes, circuits)}");
        Console.WriteLine($"  working set:  {Describe(before.WorkingSetBytes, after.WorkingSetBytes, circuits)}");
        Console.WriteLine($"  circuits still live afterwards (a case reported after the measurement shown within {ChangeShownWithin.TotalSeconds:F0} s): {live} of {circuits}");
        // The server's own view: walls whose browser acknowledged no render of the newest figures for 5 s.
        Console.WriteLine($"  the server's metrics then: {string.Join(", ", (await app.MetricsAsync()).Where(l => l.StartsWith("cc_walls_", StringComparison.Ordinal) || l.StartsWith("cc_circuits_", StringComparison.Ordinal)))}");
    }

    /// <summary>A page whose circuit still works shows a new case within seconds; one whose circuit was lost never does.</summary>
    private static async Task<int> CountLiveAsync(IPage[] pages, string caseNumber)
    {
        var shown = await Task.WhenAll(pages.Select(async page =>
        {
            try
            {
                await page.Locator($".cc-wall-feed-row[data-case=\"{caseNumber}\"]").WaitForAsync(
                    new() { State = WaitForSelectorState.Attached, Timeout = (float)ChangeShownWithin.TotalMilliseconds });
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }));
        return shown.Count(s => s);
    }

    /// <summary>
    /// Closed pages may leave their circuits kept for a reconnect; they would be freed during the next
    /// measurement and hide part of its cost, so it waits until the server keeps none.
    /// </summary>
    private static async Task<TimeSpan> WaitForNoCircuitsAsync(AppProcess app)
    {
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < ClosedCircuitsGoneWithin && OpenCircuits(await app.MetricsAsync()) > 0)
            await Task.Delay(TimeSpan.FromSeconds(5));
        return DateTime.UtcNow - started;
    }

    private static double OpenCircuits(IEnumerable<string> metrics) => metrics
        .Where(l => l.StartsWith("cc_circuits_open", StringComparison.Ordinal))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static string Describe(long before, long after, int circuits) => string.Create(CultureInfo.InvariantCulture,
        $"{before / 1048576.0:F1} MB before, {after / 1048576.0:F1} MB after → {(after - before) / 1024.0 / circuits:F0} KB per circuit"
        + $"  (goal ≤ {LiveGoals.BytesPerCircuit / 1024} KB: {LiveGoals.Verdict(after - before <= LiveGoals.BytesPerCircuit * circuits)})");
}
