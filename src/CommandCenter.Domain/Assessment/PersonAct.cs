using CommandCenter.Domain.Cases;

namespace CommandCenter.Domain.Assessment;

/// <summary>
/// What a person's figures count: their own acts on the timeline (受理, 派遣, 签收, 办结, 退单, 上报, 核查), and the
/// acts among them that turned out one way or another (a dispatch later returned, a report later rejected…).
/// </summary>
public enum PersonAct
{
    Accepted,
    Dispatched,
    Signed,
    ReportedDone,
    Returned,
    /// <summary>派遣 before the street's dispatch limit ran out: no 待派遣-overdue mark between the case's arrival and the dispatch.</summary>
    DispatchedOnTime,
    /// <summary>A dispatch the unit sent back (退单) before anyone dispatched the case again.</summary>
    DispatchReturned,
    /// <summary>改派: a dispatch of a case that came back to the desk by a 退单 (or unsigned) — correcting an earlier dispatch.</summary>
    Reassigned,
    /// <summary>上报: a case this person reported (a grid worker's patrol report).</summary>
    Reported,
    /// <summary>A report the desk then refused (不予受理): an invalid report.</summary>
    ReportRejected,
    /// <summary>核查, passed or failed.</summary>
    Verified,
    /// <summary>核查 before the street's verification limit ran out.</summary>
    VerifiedOnTime,
}

/// <summary>Which timeline events make each <see cref="PersonAct"/>: one table for the counts and the cases behind them.</summary>
public static class PersonActs
{
    private static readonly List<CaseEventType> Dispatches = [CaseEventType.Dispatched, CaseEventType.Arbitrated];
    private static readonly List<CaseEventType> Verifications = [CaseEventType.VerificationPassed, CaseEventType.VerificationFailed];

    private static readonly Dictionary<PersonAct, List<CaseEventType>> Events = new()
    {
        [PersonAct.Accepted] = [CaseEventType.Accepted],
        // An arbitration (审定) is a dispatch that cannot be returned.
        [PersonAct.Dispatched] = Dispatches,
        [PersonAct.Signed] = [CaseEventType.Signed],
        [PersonAct.ReportedDone] = [CaseEventType.ReportedDone],
        [PersonAct.Returned] = [CaseEventType.Returned],
        [PersonAct.DispatchedOnTime] = Dispatches,
        [PersonAct.DispatchReturned] = Dispatches,
        [PersonAct.Reassigned] = Dispatches,
        [PersonAct.Reported] = [CaseEventType.Reported],
        [PersonAct.ReportRejected] = [CaseEventType.Reported],
        [PersonAct.Verified] = Verifications,
        [PersonAct.VerifiedOnTime] = Verifications,
    };

    /// <summary>Every event type any act counts.</summary>
    public static List<CaseEventType> AllEvents { get; } = [.. Events.Values.SelectMany(e => e).Distinct()];

    /// <summary>The dispatches (派遣 and 审定): the events a <see cref="PersonAct.DispatchReturned"/> looks between.</summary>
    public static List<CaseEventType> DispatchEvents => Dispatches;

    /// <summary>A list, not an array: queries translate <c>List.Contains</c>.</summary>
    public static List<CaseEventType> EventsOf(PersonAct act) => Events[act];
}
