using System.Text.Json;
using Microsoft.Playwright;

namespace CommandCenter.Benchmarks.Live;

/// <summary>
/// A real wall page in Chromium that notes, on this machine's wall clock, when each event of the
/// live feed first appears in its DOM. The time is taken inside the page by a MutationObserver,
/// so it is the moment Blazor applied the render, not when the benchmark heard of it.
/// </summary>
internal sealed class WallWatcher(IPage page)
{
    // Blazor reuses feed rows by position, so a new event may arrive as new text in an old row: an event is
    // known by its row's whole text (number, time, type and place), and looked for after every DOM change.
    private const string InstallObserver = """
        () => {
            const seen = new Set();
            window.ccFeedSeen = [];
            const scan = () => {
                const at = Date.now();
                for (const row of document.querySelectorAll('.cc-wall-feed-row[data-case]')) {
                    const key = row.textContent;
                    if (seen.has(key)) continue;
                    seen.add(key);
                    window.ccFeedSeen.push([row.dataset.case, at]);
                }
            };
            scan();
            new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """;

    public static async Task<WallWatcher> OpenAsync(IBrowserContext context, BenchAccess access)
    {
        var page = await Chromium.OpenWallAsync(context, access);
        await page.EvaluateAsync(InstallObserver);
        return new WallWatcher(page);
    }

    /// <summary>
    /// Latency from each change's API response to its row in the DOM. A case's changes are made one
    /// after the other, so its n-th row to appear is its n-th change; a change with no row is missed.
    /// </summary>
    public async Task<Delivery> MeasureAsync(IReadOnlyList<LiveChange> changes)
    {
        var seen = await page.EvaluateAsync<JsonElement>("() => window.ccFeedSeen");
        var appearances = seen.EnumerateArray()
            .GroupBy(row => row[0].GetString()!, row => row[1].GetDouble())
            .ToDictionary(g => g.Key, g => new Queue<double>(g));
        var latencies = new List<double>(changes.Count);
        foreach (var change in changes)
        {
            if (appearances.TryGetValue(change.Number, out var times) && times.TryDequeue(out var at))
                latencies.Add(at - change.RespondedAtUnixMilliseconds);
        }
        return new Delivery(latencies, changes.Count - latencies.Count);
    }
}
