namespace CommandCenter.Domain.Policies;

/// <summary>
/// Turns a resolved policy into deadlines: working-basis limits are counted on the
/// working calendar, calendar-basis limits are added as plain time.
/// </summary>
public sealed class DeadlineCalculator(ResolvedPolicy policy, WorkingCalendar calendar)
{
    /// <summary>签收时限: when the unit must have signed a case dispatched at <paramref name="dispatchedAtUtc"/>.</summary>
    public DateTime SignDeadline(DateTime dispatchedAtUtc) => Add(dispatchedAtUtc, policy.Limits.SignFor);

    /// <summary>When a case dispatched at <paramref name="dispatchedAtUtc"/> and still not signed lapses: twice the sign-for limit, on the same basis.</summary>
    public DateTime SignLapseDeadline(DateTime dispatchedAtUtc) => Add(dispatchedAtUtc, policy.Limits.SignFor * 2);

    /// <summary>处置时限: when a case signed at <paramref name="signedAtUtc"/> must be done.</summary>
    public DateTime HandlingDeadline(DateTime signedAtUtc) => Add(signedAtUtc, policy.Limits.Handling);

    /// <summary>预警: the warning share of the handling limit after <paramref name="signedAtUtc"/>.</summary>
    public DateTime WarningAt(DateTime signedAtUtc) => Add(signedAtUtc, policy.Limits.Handling * policy.Limits.WarningShare);

    /// <summary><paramref name="amount"/> after <paramref name="startUtc"/> on the policy's basis: a waiting stage's limit or its warning.</summary>
    public DateTime After(DateTime startUtc, TimeSpan amount) => Add(startUtc, amount);
    /// <summary>The latest deadline 延期 may grant: the policy's longest extension after the round's first deadline, on the same basis.</summary>
    public DateTime? LatestPostponement(DateTime originalDeadlineUtc) =>
        policy.LongestExtension is { } extension ? Add(originalDeadlineUtc, extension) : null;

    private DateTime Add(DateTime startUtc, TimeSpan amount) =>
        policy.Basis == TimeBasis.Working ? calendar.AddWorkingTime(startUtc, amount) : startUtc + amount;
}
