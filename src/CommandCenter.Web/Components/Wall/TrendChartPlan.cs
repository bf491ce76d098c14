using CommandCenter.Infrastructure.Dashboard;

namespace CommandCenter.Web.Components.Wall;

/// <summary>One step that brings a chart's shown trend closer to the next one.</summary>
public abstract record TrendChartStep
{
    /// <summary>New buckets at the right; the chart drops as many at the left, keeping its window.</summary>
    public sealed record AppendBuckets(IReadOnlyList<DateTime> StartsUtc, IReadOnlyList<int> Received, IReadOnlyList<int> Closed) : TrendChartStep;

    /// <summary>Same buckets, new counts (the current bucket filled up, or an older one was corrected).</summary>
    public sealed record SetCounts(IReadOnlyList<int> Received, IReadOnlyList<int> Closed) : TrendChartStep;

    /// <summary>Nothing shown overlaps the next window (the screen slept past it): everything is replaced.</summary>
    public sealed record ReplaceAll(TrendSeries Series) : TrendChartStep;
}

/// <summary>
/// Plans a chart update that sends as little as possible over the circuit: a new hour or
/// day is appended (the chart keeps its window by dropping the oldest), counts that changed
/// are set in place; nothing is sent when nothing changed. Re-sending the whole figure on
/// every change is what this avoids.
/// </summary>
public static class TrendChartPlan
{
    public static IReadOnlyList<TrendChartStep> Between(TrendSeries shown, TrendSeries next)
    {
        var shift = IndexOf(shown.BucketStartsUtc, next.BucketStartsUtc[0]);
        if (shift < 0 || shown.BucketStartsUtc.Count != next.BucketStartsUtc.Count) return [new TrendChartStep.ReplaceAll(next)];

        var steps = new List<TrendChartStep>();
        var keep = shown.BucketStartsUtc.Count - shift;
        if (!shown.BucketStartsUtc.Skip(shift).SequenceEqual(next.BucketStartsUtc.Take(keep))) return [new TrendChartStep.ReplaceAll(next)];
        if (shift > 0)
            steps.Add(new TrendChartStep.AppendBuckets([.. next.BucketStartsUtc.Skip(keep)], [.. next.Received.Skip(keep)], [.. next.Closed.Skip(keep)]));

        var afterAppend = (Received: shown.Received.Skip(shift).Concat(next.Received.Skip(keep)), Closed: shown.Closed.Skip(shift).Concat(next.Closed.Skip(keep)));
        if (!afterAppend.Received.SequenceEqual(next.Received) || !afterAppend.Closed.SequenceEqual(next.Closed))
            steps.Add(new TrendChartStep.SetCounts(next.Received, next.Closed));
        return steps;
    }

    private static int IndexOf(IReadOnlyList<DateTime> starts, DateTime start)
    {
        for (var i = 0; i < starts.Count; i++)
            if (starts[i] == start) return i;
        return -1;
    }
}
