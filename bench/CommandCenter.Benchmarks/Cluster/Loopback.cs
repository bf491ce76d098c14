namespace CommandCenter.Benchmarks.Cluster;

internal static class Loopback
{
    /// <summary>This repository's root, from the benchmark's build output (bench/CommandCenter.Benchmarks/bin/Release/net10.0).</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
}
