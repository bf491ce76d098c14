namespace CommandCenter.Domain.Policies;

/// <summary>
/// A street's rules for deadlines: which limits apply (its policy table) and what counts as
/// working time (its calendar). Passed to the case commands that start a clock.
/// </summary>
public sealed class DeadlineRules(PolicyTable policies, WorkingCalendar calendar)
{
    /// <summary>DESIGN §4's defaults on a calendar of plain weekends and standard hours.</summary>
    public static DeadlineRules Default { get; } =
        new(PolicyTable.Defaults(), new WorkingCalendar([], [], WorkingCalendar.StandardWorkingHours));

    public PolicyTable Policies { get; } = policies;
    public WorkingCalendar Calendar { get; } = calendar;

    public DeadlineCalculator For(ResolvedPolicy policy) => new(policy, Calendar);
}
