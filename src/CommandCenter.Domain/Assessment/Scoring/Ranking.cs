namespace CommandCenter.Domain.Assessment.Scoring;

/// <summary>One ranked item: its place, shared with any item of the same score.</summary>
public sealed record Ranked<T>(T Item, Score Score, int Rank);

/// <summary>
/// Rankings by score, highest first, ties sharing a rank (standard competition ranking: 1, 1, 3);
/// what has no score is not ranked. Scores are compared as shown, at two decimals.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<Ranked<T>> Of<T>(IEnumerable<(T Item, Score? Score)> items)
    {
        var scored = items
            .Where(x => x.Score is not null)
            .Select((x, order) => (x.Item, Score: x.Score!, order))
            .OrderByDescending(x => x.Score.Value)
            .ThenBy(x => x.order)
            .ToList();
        var ranked = new List<Ranked<T>>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var rank = i > 0 && scored[i].Score.Value == scored[i - 1].Score.Value ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new(scored[i].Item, scored[i].Score, rank));
        }
        return ranked;
    }

    /// <summary>
    /// The 红黑榜 of one group: the top <paramref name="size"/> (红榜) and the bottom <paramref name="size"/> (黑榜),
    /// the black list taken from those not on the red one, so a small group never lists a unit on both.
    /// </summary>
    public static (IReadOnlyList<Ranked<T>> Red, IReadOnlyList<Ranked<T>> Black) HonourRoll<T>(IReadOnlyList<Ranked<T>> ranking, int size)
    {
        var red = ranking.Take(size).ToList();
        var black = ranking.Skip(red.Count).TakeLast(size).Reverse().ToList();
        return (red, black);
    }
}
