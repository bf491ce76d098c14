namespace CommandCenter.Benchmarks.Live;

/// <summary>The app's managed heap after a forced full GC, and its resident set at the same moment.</summary>
internal sealed record MemorySample(long ManagedHeapBytes, long WorkingSetBytes);
