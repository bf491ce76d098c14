namespace CommandCenter.Benchmarks.Live;

/// <summary>How changes reached their audience: one latency per (change, receiver) that arrived, and how many never did.</summary>
internal sealed record Delivery(IReadOnlyList<double> Milliseconds, int Missed)
{
    public LatencyStats Stats { get; } = new(Milliseconds);
}
