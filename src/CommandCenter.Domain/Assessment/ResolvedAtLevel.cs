using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Assessment;

/// <summary>Cases closed in a period at one level; <paramref name="Direct"/> of them went there straight by their category, not by escalation.</summary>
public sealed record LevelClosings(HandlingLevel Level, int Closed, int Direct);

/// <summary>
/// Where the cases closed in a period were resolved (小事不出院落，中事不出社区，大事不出街道). A case whose
/// category sends it straight to street or district never had the chance to stay lower, so it is shown
/// apart and left out of the shares: <see cref="Share"/> is of the cases that started at the bottom.
/// </summary>
public sealed record ResolvedAtLevel(IReadOnlyList<LevelClosings> Levels)
{
    public int Closed => Levels.Sum(l => l.Closed);

    public int Direct => Levels.Sum(l => l.Direct);

    /// <summary>A level's share of the closed cases that were not sent straight above the community.</summary>
    public Rate? Share(HandlingLevel level) => Rate.Of(Of(level).Closed - Of(level).Direct, Closed - Direct);

    /// <summary>The cases a category sent straight to this level, as a share of all closed cases.</summary>
    public Rate? DirectShare(HandlingLevel level) => Rate.Of(Of(level).Direct, Closed);

    public LevelClosings Of(HandlingLevel level) => Levels.SingleOrDefault(l => l.Level == level) ?? new LevelClosings(level, 0, 0);
}
