using System.Globalization;

namespace CommandCenter.Benchmarks;

/// <summary>Percentiles of a set of measured durations, printed in milliseconds.</summary>
internal sealed class LatencyStats(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double Percentile(double p) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public string Describe(params double[] percentiles) =>
        string.Join("  ", percentiles.Select(p => string.Create(CultureInfo.InvariantCulture, $"p{p}={Percentile(p):F1} ms"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"max={Max:F1} ms")));
}
