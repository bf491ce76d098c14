using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// One unit's share of a cross-agency ticket (多跨协同). A co-handler's part has a life of its own:
/// its unit signs it (签收) by its own deadline, reports progress, closes it with a result or returns
/// it (退回) with a reason, and can be late at either. The lead's part only marks the lead's share:
/// the lead runs on the case's own clock. The case cannot be reported done while a required part is open.
/// </summary>
public sealed class CasePart
{
    /// <summary>The timers a co-handler's part runs: it neither escalates nor defers, so no lapse or review.</summary>
    private static readonly CaseTimer[] Timers = [CaseTimer.SignFor, CaseTimer.Warning, CaseTimer.Handling];

    private CasePart() { }

    internal CasePart(UnitId unitId, PartRole role, bool isRequired, CaseClock clock)
    {
        UnitId = unitId;
        Role = role;
        IsRequired = isRequired;
        Clock = clock;
    }

    public long Id { get; private set; }
    public Guid CaseId { get; private set; }
    public UnitId UnitId { get; private set; }
    public PartRole Role { get; private set; }
    public bool IsRequired { get; private set; }
    public bool IsClosed => ClosedAtUtc is not null;
    public string? Result { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public string? ClosedBy { get; private set; }
    /// <summary>A co-handler's deadlines, counted from the policy row of the case's category × urgency × level; stopped for the lead.</summary>
    public CaseClock Clock { get; private set; } = CaseClock.Stopped;
    /// <summary>退回: the unit gave its part back; it no longer holds the case back, and the lead or the desk may assign another unit.</summary>
    public DateTime? ReturnedAtUtc { get; private set; }
    public string? ReturnReason { get; private set; }
    public string? ReturnedBy { get; private set; }
    /// <summary>How often rework reopened the part.</summary>
    public int Reopenings { get; private set; }

    public bool IsReturned => ReturnedAtUtc is not null;
    /// <summary>Neither closed nor returned: the unit still owes its share.</summary>
    public bool IsOpen => !IsClosed && !IsReturned;
    /// <summary>The unit took the part: it signed, or rework gave it back to a unit that had it already.</summary>
    public bool IsSigned => Clock.SignedAtUtc is not null || Clock.ReworkStartedAtUtc is not null;

    /// <summary>When the part's next timer is due; null when it runs none (the lead's, or a part no longer open).</summary>
    public DateTime? NextTimerAtUtc => Role == PartRole.CoHandler && IsOpen ? Timers.Min(t => Clock.DueAt(t, ClockState)) : null;

    /// <summary>The first of the part's timers due at <paramref name="nowUtc"/>, if any.</summary>
    public CaseTimer? DueTimer(DateTime nowUtc) =>
        Role == PartRole.CoHandler && IsOpen ? Timers.Cast<CaseTimer?>().FirstOrDefault(t => Clock.DueAt(t!.Value, ClockState) <= nowUtc) : null;

    /// <summary>The state the case would be in if the part were a case: what its clock's timers are read against.</summary>
    private CaseState ClockState => IsSigned ? CaseState.InProgress : CaseState.Dispatched;

    internal void Sign(DateTime nowUtc, DeadlineRules rules) => Clock = Clock.Signed(nowUtc, rules);

    internal void Fire(CaseTimer timer, DateTime nowUtc) => Clock = Clock.Fired(timer, nowUtc);

    internal void Close(string result, DateTime nowUtc, string closedBy)
    {
        Result = result;
        ClosedAtUtc = nowUtc;
        ClosedBy = closedBy;
    }

    internal void Return(string reason, DateTime nowUtc, string returnedBy)
    {
        ReturnReason = reason;
        ReturnedAtUtc = nowUtc;
        ReturnedBy = returnedBy;
    }

    /// <summary>返工 reopens a closed part: a new round for its unit with its handling limit counted afresh, nothing to sign again.</summary>
    internal void Reopen(DateTime nowUtc, DeadlineRules rules)
    {
        Result = null;
        ClosedAtUtc = null;
        ClosedBy = null;
        Reopenings++;
        if (Role == PartRole.CoHandler) Clock = Clock.Reworked(nowUtc, rules);
    }
}
