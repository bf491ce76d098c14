using System.Diagnostics;
using System.Globalization;

namespace CommandCenter.Benchmarks;

/// <summary>
/// Whether a latency tail is spread over the run (requests queueing behind each other on busy cores) or bunched into
/// stalls (something holding the writer, a collection, a checkpoint): the requests slower than p99 counted per 100 ms
/// window of their start, and the share of them in the worst twentieth of the windows. Spread evenly that share is about
/// 5 %; stalls push it towards 100 %, and the worst windows' times show their rhythm.
/// </summary>
internal static class TailSpread
{
    private static readonly long Window = Stopwatch.Frequency / 10;

    public static string Describe(IEnumerable<(long Began, double Milliseconds)> requests, double p99, TimeSpan duration)
    {
        var windows = new int[(int)Math.Ceiling(duration.TotalSeconds * 10) + 1];
        var slow = 0;
        foreach (var (began, milliseconds) in requests)
        {
            if (milliseconds <= p99) continue;
            windows[Math.Clamp((int)(began / Window), 0, windows.Length - 1)]++;
            slow++;
        }
        if (slow == 0) return "no request above p99";
        var ranked = windows.Select((count, i) => (Count: count, At: i / 10.0)).OrderByDescending(w => w.Count).ToList();
        var worst = ranked.Take(Math.Max(1, windows.Length / 20)).Sum(w => w.Count);
        var times = string.Join(", ", ranked.Take(8).Where(w => w.Count > 0).OrderBy(w => w.At)
            .Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.At:F1} s ({w.Count})")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{slow} requests above p99, {worst / (double)slow:P0} of them begun in the worst 5 % of 100-ms windows; the worst at {times}");
    }
}
