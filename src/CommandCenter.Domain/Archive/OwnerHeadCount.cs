namespace CommandCenter.Domain.Archive;

/// <summary>
/// 业主人数 as the votes of DESIGN §10 count it (最高法《建筑物区分所有权解释》第九条): one exclusive
/// unit counts as one owner; one buyer of several units counts once; the developer's unsold units
/// count as one. A buyer is the set of owners on a home's title, so co-owners of one home are one
/// owner, and a couple owning a second home together with the same names counts once; a unit with no
/// owner on file still counts as one, because the rule counts units, not names.
/// </summary>
public static class OwnerHeadCount
{
    public static int Of(IEnumerable<HomeId> homes, IEnumerable<(HomeId Home, OwnerId Owner)> ownerships)
    {
        var units = homes.ToHashSet();
        return Of(units.Count, ownerships.Where(o => units.Contains(o.Home)));
    }

    /// <summary>
    /// The same count from the number of units and the titles of those units only, so that a courtyard's count needs its
    /// ownerships (two numbers a row) and not its homes: the units no title names are <paramref name="units"/> less those named.
    /// </summary>
    public static int Of(int units, IEnumerable<(HomeId Home, OwnerId Owner)> ownershipsOfTheseUnits)
    {
        var buyers = ownershipsOfTheseUnits.GroupBy(o => o.Home)
            .Select(g => string.Join(',', g.Select(o => o.Owner.Value).Distinct().Order()))
            .ToList();
        return buyers.Distinct(StringComparer.Ordinal).Count() + units - buyers.Count;
    }
}
