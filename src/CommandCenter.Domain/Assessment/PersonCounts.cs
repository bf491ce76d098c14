namespace CommandCenter.Domain.Assessment;

/// <summary>
/// What one person did in a period: a count per <see cref="PersonAct"/>, and the working time their dispatches
/// waited at the desk (from the case's arrival in 待派遣 to the dispatch), over <see cref="TimedDispatches"/> dispatches.
/// </summary>
public sealed record PersonCounts(IReadOnlyDictionary<PersonAct, int> ByAct, int TimedDispatches, TimeSpan DispatchTime)
{
    public static PersonCounts None { get; } = new(new Dictionary<PersonAct, int>(), 0, TimeSpan.Zero);

    /// <summary>The count of one act; an act the person never did counts 0.</summary>
    public int Of(PersonAct act) => ByAct.GetValueOrDefault(act);
}
