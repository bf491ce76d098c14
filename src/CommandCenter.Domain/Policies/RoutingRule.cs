using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Policies;

/// <summary>
/// Where a case of a category goes at a level when it arrives there by escalation: a named
/// unit (at district level the lead department), or with no unit the one that looks after
/// the case's own courtyard or community. With <see cref="AutoDispatch"/> the timer dispatches
/// it there at once; otherwise it waits, flagged, in that level's dispatch queue.
/// </summary>
public sealed class RoutingRule
{
    private RoutingRule() { }

    public RoutingRule(int id, string? categoryCode, HandlingLevel level, UnitId? unitId, bool autoDispatch)
    {
        Id = id;
        CategoryCode = categoryCode;
        Level = level;
        UnitId = unitId;
        AutoDispatch = autoDispatch;
    }

    public int Id { get; private set; }
    /// <summary>A group code, an item code, or null for any category.</summary>
    public string? CategoryCode { get; private set; }
    public HandlingLevel Level { get; private set; }
    public UnitId? UnitId { get; private set; }
    public bool AutoDispatch { get; private set; }
}

/// <summary>The street's routing rules, resolved most specific category first.</summary>
public sealed class RoutingTable(IEnumerable<RoutingRule> rules)
{
    private readonly RoutingRule[] _rules = [.. rules];

    public static RoutingTable None { get; } = new([]);

    public IReadOnlyList<RoutingRule> Rules => _rules;

    public RoutingRule? Resolve(string categoryCode, HandlingLevel level) =>
        _rules
            .Where(r => r.Level == level && (r.CategoryCode is null || categoryCode.StartsWith(r.CategoryCode, StringComparison.Ordinal)))
            .OrderByDescending(r => r.CategoryCode?.Length ?? 0)
            .FirstOrDefault();
}
