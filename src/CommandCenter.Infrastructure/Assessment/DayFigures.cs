using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Assessment;

/// <summary>
/// What a table adds up, per key (a unit, or a community for the area): the count of each indicator, and the rounds signed
/// and reported done with their working time. Every part is a sum over days, so a period's figures are its days' figures
/// added (docs/decisions/0014).
/// </summary>
internal sealed class DayFigures<TKey> where TKey : notnull
{
    public Dictionary<(TKey Key, Indicator Indicator), int> Counts { get; } = [];
    public Dictionary<TKey, (int Count, TimeSpan Total)> SignFor { get; } = [];
    public Dictionary<TKey, (int Count, TimeSpan Total)> Handling { get; } = [];

    public void AddCounts(IEnumerable<KeyValuePair<(TKey Key, Indicator Indicator), int>> counts)
    {
        foreach (var (key, count) in counts) Counts[key] = Counts.GetValueOrDefault(key) + count;
    }

    public void AddSignFor(TKey key, (int Count, TimeSpan Total) spans) => SignFor[key] = Plus(SignFor.GetValueOrDefault(key), spans);

    public void AddHandling(TKey key, (int Count, TimeSpan Total) spans) => Handling[key] = Plus(Handling.GetValueOrDefault(key), spans);

    public void Add(DayFigures<TKey> other)
    {
        AddCounts(other.Counts);
        foreach (var (key, spans) in other.SignFor) AddSignFor(key, spans);
        foreach (var (key, spans) in other.Handling) AddHandling(key, spans);
    }

    /// <summary>Each key with signed or handled rounds, and both of its time sums (none where it has none of one): the rows the days' times are stored as.</summary>
    public IEnumerable<(TKey Key, (int Count, TimeSpan Total) SignFor, (int Count, TimeSpan Total) Handling)> Times() =>
        SignFor.Keys.Union(Handling.Keys).Select(key => (key, SignFor.GetValueOrDefault(key), Handling.GetValueOrDefault(key)));

    /// <summary>Every key's figures added into one: the street from its communities.</summary>
    public (Dictionary<Indicator, int> Counts, (int Count, TimeSpan Total) SignFor, (int Count, TimeSpan Total) Handling) Total() =>
        (Counts.GroupBy(c => c.Key.Indicator).ToDictionary(g => g.Key, g => g.Sum(c => c.Value)),
         SignFor.Values.Aggregate((0, TimeSpan.Zero), Plus), Handling.Values.Aggregate((0, TimeSpan.Zero), Plus));

    /// <summary>The figures of the keys <paramref name="keep"/> accepts: a community's or a street's out of the district's.</summary>
    public DayFigures<TKey> Only(Func<TKey, bool> keep)
    {
        var kept = new DayFigures<TKey>();
        kept.AddCounts(Counts.Where(c => keep(c.Key.Key)));
        foreach (var (key, spans) in SignFor.Where(s => keep(s.Key))) kept.AddSignFor(key, spans);
        foreach (var (key, spans) in Handling.Where(s => keep(s.Key))) kept.AddHandling(key, spans);
        return kept;
    }

    /// <summary>The same figures per coarser key, added up: a unit's over the communities of its cases.</summary>
    public DayFigures<TOther> Map<TOther>(Func<TKey, TOther> to) where TOther : notnull
    {
        var mapped = new DayFigures<TOther>();
        mapped.AddCounts(Counts.Select(c => KeyValuePair.Create((to(c.Key.Key), c.Key.Indicator), c.Value)));
        foreach (var (key, spans) in SignFor) mapped.AddSignFor(to(key), spans);
        foreach (var (key, spans) in Handling) mapped.AddHandling(to(key), spans);
        return mapped;
    }

    private static (int, TimeSpan) Plus((int Count, TimeSpan Total) a, (int Count, TimeSpan Total) b) => (a.Count + b.Count, a.Total + b.Total);
}

/// <summary>A unit's figures on the cases of one community: the key the unit table's days are stored by, so a street's or a community's posts add up theirs.</summary>
internal sealed record UnitInCommunity(UnitId UnitId, CommunityId CommunityId);

/// <summary>
/// What the person ranking adds up, per staff member: the count of each act, and the dispatches whose wait at the desk is
/// known with that wait's working time. Every act falls on the day it was done, so a period's figures are its days' added.
/// </summary>
internal sealed class PersonDayFigures
{
    public Dictionary<(StaffId StaffId, PersonAct Act), int> Counts { get; } = [];
    public Dictionary<StaffId, (int Count, TimeSpan Total)> Waits { get; } = [];

    public void AddCounts(IEnumerable<KeyValuePair<(StaffId StaffId, PersonAct Act), int>> counts)
    {
        foreach (var (key, count) in counts) Counts[key] = Counts.GetValueOrDefault(key) + count;
    }

    public void AddWaits(StaffId staffId, (int Count, TimeSpan Total) waits)
    {
        var (count, total) = Waits.GetValueOrDefault(staffId);
        Waits[staffId] = (count + waits.Count, total + waits.Total);
    }

    public void Add(PersonDayFigures other)
    {
        AddCounts(other.Counts);
        foreach (var (staffId, waits) in other.Waits) AddWaits(staffId, waits);
    }
}
