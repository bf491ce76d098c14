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
        var ownersByHome = ownerships.GroupBy(o => o.Home).ToDictionary(g => g.Key, g => g.Select(o => o.Owner.Value).Distinct().Order().ToArray());
        var buyers = new HashSet<string>(StringComparer.Ordinal);
        var unknown = 0;
        foreach (var home in homes.Distinct())
        {
            if (ownersByHome.TryGetValue(home, out var owners)) buyers.Add(string.Join(',', owners));
            else unknown++;
        }
        return buyers.Count + unknown;
    }
}
