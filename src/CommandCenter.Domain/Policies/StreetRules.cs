using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Policies;

/// <summary>
/// The street's rules that depend on no category, urgency or level: how long a reporter (or the desk's revisit
/// call) has to rate before the case closes as 默认满意, how often 不满意 may reopen a case before a street leader
/// decides, and when a deferral (缓办) becomes 积存. One record per street, revisioned like a policy row
/// (docs/decisions/0007-street-rules.md).
/// </summary>
public sealed class StreetRules
{
    /// <summary>The one record's key: a database holds one street.</summary>
    public const int SingleId = 1;
    public const int DefaultUnsatisfiedReopenings = 2;
    public const int MostUnsatisfiedReopenings = 10;
    public static readonly TimeSpan DefaultEvaluationWindow = TimeSpan.FromDays(7);
    public static readonly TimeSpan DefaultBacklogAfter = TimeSpan.FromDays(60);
    /// <summary>The longest a rating window may be: beyond it nobody remembers the work they rate.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(90);
    public static readonly TimeSpan LongestBacklogAfter = TimeSpan.FromDays(365);

    private StreetRules() { }

    public int Id { get; private set; }
    /// <summary>How long the reporter who holds a tracking code has to rate.</summary>
    public TimeSpan EvaluationWindow { get; private set; }
    /// <summary>How long the desk has to make the revisit call (回访) for a case whose reporter rates only by it (<see cref="RatingRules.RatedByRevisitOnly"/>).</summary>
    public TimeSpan RevisitWindow { get; private set; }
    /// <summary>How often 不满意 may send a case back for rework; the next 不满意 waits for a street leader's 审定结案.</summary>
    public int UnsatisfiedReopeningsBeforeDecision { get; private set; }
    /// <summary>A deferral this long is 积存 (backlog).</summary>
    public TimeSpan BacklogAfter { get; private set; }
    /// <summary>1 when created, raised by every update that changes something.</summary>
    public int Revision { get; private set; }

    /// <summary>The street's rules as DESIGN §3 and issue 13 set them: 7 days to rate or be called back, 2 reopenings, 积存 after 60 days.</summary>
    public static StreetRules Defaults() => Create(DefaultEvaluationWindow, DefaultEvaluationWindow, DefaultUnsatisfiedReopenings, DefaultBacklogAfter);

    public static StreetRules Create(TimeSpan evaluationWindow, TimeSpan revisitWindow, int unsatisfiedReopenings, TimeSpan backlogAfter)
    {
        Validate(evaluationWindow, revisitWindow, unsatisfiedReopenings, backlogAfter);
        return new StreetRules
        {
            Id = SingleId,
            EvaluationWindow = evaluationWindow,
            RevisitWindow = revisitWindow,
            UnsatisfiedReopeningsBeforeDecision = unsatisfiedReopenings,
            BacklogAfter = backlogAfter,
            Revision = 1,
        };
    }

    /// <summary>Sets all the rules or none; a new revision when any of them differs. Cases already verified keep the window they were given.</summary>
    public void Update(TimeSpan evaluationWindow, TimeSpan revisitWindow, int unsatisfiedReopenings, TimeSpan backlogAfter)
    {
        Validate(evaluationWindow, revisitWindow, unsatisfiedReopenings, backlogAfter);
        if (evaluationWindow == EvaluationWindow && revisitWindow == RevisitWindow
            && unsatisfiedReopenings == UnsatisfiedReopeningsBeforeDecision && backlogAfter == BacklogAfter) return;
        EvaluationWindow = evaluationWindow;
        RevisitWindow = revisitWindow;
        UnsatisfiedReopeningsBeforeDecision = unsatisfiedReopenings;
        BacklogAfter = backlogAfter;
        Revision++;
    }

    /// <summary>How long a case that came in by <paramref name="channel"/> waits in 待评价 before it closes as 默认满意.</summary>
    public TimeSpan EvaluationWindowFor(Channel channel) => RatingRules.RatedByRevisitOnly(channel) ? RevisitWindow : EvaluationWindow;

    /// <summary>积存: a case deferred since <paramref name="deferredAtUtc"/> has been for <see cref="BacklogAfter"/> or longer at <paramref name="nowUtc"/>.</summary>
    public bool IsBacklog(DateTime? deferredAtUtc, DateTime nowUtc) => deferredAtUtc is { } since && nowUtc - since >= BacklogAfter;

    private static void Validate(TimeSpan evaluationWindow, TimeSpan revisitWindow, int unsatisfiedReopenings, TimeSpan backlogAfter)
    {
        CheckWindow(evaluationWindow, "evaluationWindowDays");
        CheckWindow(revisitWindow, "revisitWindowDays");
        if (unsatisfiedReopenings is < 0 or > MostUnsatisfiedReopenings)
            throw new DomainValidationException("UnsatisfiedReopeningsOutOfRange",
                $"不满意 may reopen a case between 0 and {MostUnsatisfiedReopenings} times.", "unsatisfiedReopeningsBeforeDecision");
        if (backlogAfter < TimeSpan.FromDays(1) || backlogAfter > LongestBacklogAfter)
            throw new DomainValidationException("BacklogAfterOutOfRange",
                $"积存 begins between 1 and {LongestBacklogAfter.TotalDays:0} days after the deferral.", "backlogAfterDays");
    }

    private static void CheckWindow(TimeSpan window, string field)
    {
        if (window <= TimeSpan.Zero || window > LongestWindow)
            throw new DomainValidationException("RatingWindowOutOfRange", $"A rating window must be longer than zero and at most {LongestWindow.TotalDays:0} days.", field);
    }
}
