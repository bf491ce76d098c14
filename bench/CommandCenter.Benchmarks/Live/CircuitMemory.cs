using System.Globalization;
using Microsoft.Playwright;

namespace CommandCenter.Benchmarks.Live;

/// <summary>
/// What an open wall costs the server: its memory before and after opening many wall pages in
/// Chromium, each waited for until its Blazor circuit is live, divided by the number of pages.
/// </summary>
internal static class CircuitMemory
{
    // Pages share browser contexts so that Chromium's own memory stays within the machine; each page is still its own circuit.
    private const int PagesPerContext = 50;
    private const int ParallelOpens = 4;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ChangeShownWithin = TimeSpan.FromSeconds(15);

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
        var server = await ServerWallsAsync(app);

        Console.WriteLine($"Memory per wall circuit: {circuits} /wall pages in Chromium (up to {PagesPerContext} to a browser context), each waited for");
        Console.WriteLine($"  until its circuit was live; the app measured before the first and {Settle.TotalSeconds:F0} s after the last opened, each time");
        Console.WriteLine("  after a full blocking GC forced over its diagnostics port; (after − before) / circuits.");
        Console.WriteLine($"  managed heap: {Describe(before.ManagedHeapBytes, after.ManagedHeapBytes, circuits)}");
        Console.WriteLine($"  working set:  {Describe(before.WorkingSetBytes, after.WorkingSetBytes, circuits)}");
        Console.WriteLine($"  circuits still live afterwards (a case reported after the measurement shown within {ChangeShownWithin.TotalSeconds:F0} s): {live} of {circuits}");
        // The server's own view: walls whose browser acknowledged no render of the newest figures for 5 s.
        Console.WriteLine($"  the server's metrics then: {server}");

        foreach (var context in contexts) await context.DisposeAsync();
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

    private static async Task<string> ServerWallsAsync(AppProcess app)
    {
        using var http = new HttpClient { BaseAddress = app.Address };
        var lines = (await http.GetStringAsync("/metrics")).Split('\n');
        return string.Join(", ", lines.Where(l => l.StartsWith("cc_walls_", StringComparison.Ordinal) || l.StartsWith("cc_circuits_", StringComparison.Ordinal)));
    }

    private static string Describe(long before, long after, int circuits) => string.Create(CultureInfo.InvariantCulture,
        $"{before / 1048576.0:F1} MB before, {after / 1048576.0:F1} MB after → {(after - before) / 1024.0 / circuits:F0} KB per circuit"
        + $"  (goal ≤ {LiveGoals.BytesPerCircuit / 1024} KB: {LiveGoals.Verdict(after - before <= LiveGoals.BytesPerCircuit * circuits)})");
}
