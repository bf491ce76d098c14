namespace CommandCenter.Domain.Policies;

/// <summary>
/// A street's rules for deadlines: which limits apply (its policy table), what counts as
/// working time (its calendar), and its street-wide rules of rating and backlog. Passed to the
/// case commands that start a clock.
/// </summary>
public sealed class DeadlineRules(PolicyTable policies, WorkingCalendar calendar, StreetRules? street = null)
{
    /// <summary>DESIGN §4's defaults on a calendar of plain weekends and standard hours.</summary>
    public static DeadlineRules Default { get; } =
        new(PolicyTable.Defaults(), new WorkingCalendar([], [], WorkingCalendar.StandardWorkingHours));

    public PolicyTable Policies { get; } = policies;
    public WorkingCalendar Calendar { get; } = calendar;
    public StreetRules Street { get; } = street ?? StreetRules.Defaults();

    public DeadlineCalculator For(ResolvedPolicy policy) => new(policy, Calendar);
}
