using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Assessment;

/// <summary>
/// What a unit table adds up, per unit: the count of each indicator, and the rounds signed and reported done with their
/// working time. Every part is a sum over days, so a period's figures are its days' figures added (docs/decisions/0014).
/// </summary>
internal sealed class UnitFigures
{
    public Dictionary<(UnitId Unit, Indicator Indicator), int> Counts { get; } = [];
    public Dictionary<UnitId, (int Count, TimeSpan Total)> SignFor { get; } = [];
    public Dictionary<UnitId, (int Count, TimeSpan Total)> Handling { get; } = [];

    public void AddCounts(IEnumerable<KeyValuePair<(UnitId Unit, Indicator Indicator), int>> counts)
    {
        foreach (var (key, count) in counts) Counts[key] = Counts.GetValueOrDefault(key) + count;
    }

    public void AddSignFor(UnitId unit, (int Count, TimeSpan Total) spans) => SignFor[unit] = Plus(SignFor.GetValueOrDefault(unit), spans);

    public void AddHandling(UnitId unit, (int Count, TimeSpan Total) spans) => Handling[unit] = Plus(Handling.GetValueOrDefault(unit), spans);

    public void Add(UnitFigures other)
    {
        AddCounts(other.Counts);
        foreach (var (unit, spans) in other.SignFor) AddSignFor(unit, spans);
        foreach (var (unit, spans) in other.Handling) AddHandling(unit, spans);
    }

    private static (int, TimeSpan) Plus((int Count, TimeSpan Total) a, (int Count, TimeSpan Total) b) => (a.Count + b.Count, a.Total + b.Total);
}
