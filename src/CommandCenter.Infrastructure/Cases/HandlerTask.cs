using CommandCenter.Domain.Cases;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>One row of a handler's "my tasks": the case and the deadline the unit races now.</summary>
public sealed record HandlerTask(CaseListItem Case)
{
    public DateTime? DeadlineUtc => DeadlineOf(Case.State, Case.SignDeadlineUtc, Case.HandlingDeadlineUtc);

    public DateTime? WarningAtUtc => WarningOf(Case.State, Case.WarningAtUtc);

    /// <summary>The clock a handler races: signing while dispatched, handling once signed; none before or after.</summary>
    public static DateTime? DeadlineOf(CaseState state, DateTime? signDeadlineUtc, DateTime? handlingDeadlineUtc) => state switch
    {
        CaseState.Dispatched => signDeadlineUtc,
        CaseState.InProgress => handlingDeadlineUtc,
        _ => null,
    };

    /// <summary>
    /// Where the task stands against its clock at <paramref name="nowUtc"/>, by the domain's one rule. A deferred case's
    /// clock carries no handling deadline, so it reads as no clock without the deferral flag.
    /// </summary>
    public TimeStatus StatusAt(DateTime nowUtc) => CaseTimeStatus.Of(Case.State,
        new StageTimes(false, Case.SignDeadlineUtc, Case.WarningAtUtc, Case.HandlingDeadlineUtc, Case.WaitWarningAtUtc, Case.WaitDeadlineUtc), nowUtc);

    /// <summary>预警 belongs to the handling deadline only.</summary>
    public static DateTime? WarningOf(CaseState state, DateTime? warningAtUtc) => state == CaseState.InProgress ? warningAtUtc : null;
}
