using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Policies;

/// <summary>
/// How long a case may wait for the street itself: to be taken in (待受理), to be dispatched
/// (待派遣), and to be checked once done (待核查). A limit left empty runs no clock for that stage.
/// </summary>
public sealed record WaitingLimits(TimeSpan? Acceptance, TimeSpan? Dispatch, TimeSpan? Verification)
{
    /// <summary>The longest any of these may be: a wait beyond it is no limit at all.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    public static WaitingLimits None { get; } = new(null, null, null);

    /// <summary>The order of magnitude the street starts from: the more urgent, the shorter every wait.</summary>
    public static WaitingLimits DefaultFor(Urgency urgency) => urgency switch
    {
        Urgency.Critical => new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromHours(2)),
        Urgency.Urgent => new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromHours(8)),
        _ => new(TimeSpan.FromHours(2), TimeSpan.FromHours(2), TimeSpan.FromHours(24)),
    };

    /// <summary>The limit of the stage a case in <paramref name="state"/> waits in; null when it waits for no one of the street, or no limit is set.</summary>
    public TimeSpan? For(CaseState state) => state switch
    {
        CaseState.Reported => Acceptance,
        CaseState.PendingDispatch => Dispatch,
        CaseState.PendingVerification => Verification,
        _ => null,
    };

    public WaitingLimits Validated()
    {
        Check(Acceptance, "acceptanceMinutes");
        Check(Dispatch, "dispatchMinutes");
        Check(Verification, "verificationMinutes");
        return this;
    }

    private static void Check(TimeSpan? limit, string field)
    {
        if (limit is { } value && (value <= TimeSpan.Zero || value > Longest))
            throw new DomainValidationException("WaitingLimitOutOfRange", $"A waiting limit must be longer than zero and at most {Longest.TotalDays:0} days.", field);
    }
}
