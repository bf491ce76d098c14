using CommandCenter.Domain.Policies;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// The clock of a stage in which the case waits for the street itself — 待受理, 待派遣, 待核查
/// (DESIGN §4, issue 13): started when the case enters the stage, with the limit the policy table
/// gives it there, a warning at the policy's share, and the mark its timer leaves once overdue.
/// </summary>
public sealed record WaitClock
{
    /// <summary>No wait is clocked: the case is with a unit, finished, or the policy sets no limit for its stage.</summary>
    public static WaitClock None { get; } = new();

    private WaitClock() { }

    public CaseState? Stage { get; private init; }
    public DateTime? StartedAtUtc { get; private init; }
    public DateTime? WarningAtUtc { get; private init; }
    public DateTime? DeadlineUtc { get; private init; }
    public DateTime? OverdueAtUtc { get; private init; }

    /// <summary>The clock of <paramref name="stage"/> from <paramref name="nowUtc"/>, or <see cref="None"/> when the policy sets no limit for it.</summary>
    public static WaitClock Start(CaseState stage, ResolvedPolicy policy, DeadlineRules rules, DateTime nowUtc) =>
        policy.Waiting.For(stage) is { } limit
            ? new WaitClock
            {
                Stage = stage,
                StartedAtUtc = nowUtc,
                WarningAtUtc = rules.For(policy).After(nowUtc, limit * policy.Limits.WarningShare),
                DeadlineUtc = rules.For(policy).After(nowUtc, limit),
            }
            : None;

    /// <summary>When the overdue timer is due for a case in <paramref name="state"/>: once, and only in the stage it was started for.</summary>
    public DateTime? DueAt(CaseState state) => state == Stage && OverdueAtUtc is null ? DeadlineUtc : null;

    public WaitClock Fired(DateTime nowUtc) => this with { OverdueAtUtc = nowUtc };
}
