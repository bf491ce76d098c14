using CommandCenter.Domain.Cases;

namespace CommandCenter.Domain.Assessment;

/// <summary>What a person's figures count: their own acts on the timeline (受理, 派遣, 签收, 办结, 退单).</summary>
public enum PersonAct
{
    Accepted,
    Dispatched,
    Signed,
    ReportedDone,
    Returned,
}

/// <summary>Which timeline events make each <see cref="PersonAct"/>: one table for the counts and the cases behind them.</summary>
public static class PersonActs
{
    private static readonly Dictionary<PersonAct, List<CaseEventType>> Events = new()
    {
        [PersonAct.Accepted] = [CaseEventType.Accepted],
        // An arbitration (审定) is a dispatch that cannot be returned.
        [PersonAct.Dispatched] = [CaseEventType.Dispatched, CaseEventType.Arbitrated],
        [PersonAct.Signed] = [CaseEventType.Signed],
        [PersonAct.ReportedDone] = [CaseEventType.ReportedDone],
        [PersonAct.Returned] = [CaseEventType.Returned],
    };

    /// <summary>Every event type any act counts.</summary>
    public static List<CaseEventType> AllEvents { get; } = [.. Events.Values.SelectMany(e => e).Distinct()];

    /// <summary>A list, not an array: queries translate <c>List.Contains</c>.</summary>
    public static List<CaseEventType> EventsOf(PersonAct act) => Events[act];

    public static PersonAct Of(CaseEventType type) => Events.Single(e => e.Value.Contains(type)).Key;
}
