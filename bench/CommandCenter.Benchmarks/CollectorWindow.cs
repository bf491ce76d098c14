using System.Globalization;

namespace CommandCenter.Benchmarks;

/// <summary>
/// What the app's garbage collector did over a measured window, read from its /metrics (the runtime's
/// System.Runtime meter) at the window's start and end: a latency tail is often the collector's pauses.
/// </summary>
internal sealed record CollectorWindow(double Gen0, double Gen1, double Gen2, double PauseSeconds, double AllocatedBytes)
{
    public static async Task<CollectorWindow> ReadAsync(AppProcess app)
    {
        var lines = await app.MetricsAsync();
        return new CollectorWindow(
            Sum(lines, "dotnet_gc_collections_total", "gc_heap_generation=\"gen0\""),
            Sum(lines, "dotnet_gc_collections_total", "gc_heap_generation=\"gen1\""),
            Sum(lines, "dotnet_gc_collections_total", "gc_heap_generation=\"gen2\""),
            Sum(lines, "dotnet_gc_pause_time_seconds_total"),
            Sum(lines, "dotnet_gc_heap_total_allocated_bytes_total"));
    }

    public static CollectorWindow operator -(CollectorWindow after, CollectorWindow before) => new(
        after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2,
        after.PauseSeconds - before.PauseSeconds, after.AllocatedBytes - before.AllocatedBytes);

    public string Describe(TimeSpan window, long cases) => string.Create(CultureInfo.InvariantCulture,
        $"collections gen0 {Gen0:F0}, gen1 {Gen1:F0}, gen2 {Gen2:F0}; paused {PauseSeconds * 1000:F0} ms "
        + $"({PauseSeconds / window.TotalSeconds:P1} of the window, {PauseSeconds * 1000 / Math.Max(1, Gen0 + Gen1 + Gen2):F1} ms a collection); "
        + $"{AllocatedBytes / 1024 / Math.Max(1, cases):F0} KB allocated per case");

    private static double Sum(IEnumerable<string> lines, string name, string? label = null) => lines
        .Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l.Length > name.Length && (l[name.Length] == '{' || l[name.Length] == ' ')))
        .Where(l => label is null || l.Contains(label, StringComparison.Ordinal))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
