using CommandCenter.Domain.Cases;

namespace CommandCenter.Domain.Policies;

/// <summary>
/// The limits that apply to a case, and which policy revision gave them; both ids are
/// null when no policy matched and <see cref="DefaultTimeLimits"/> applied (a missed sign-for then returns to dispatch,
/// an overdue case is 督办'd, no waiting stage is clocked; 延期 is limited in number as by a policy's default, and in length only by <see cref="Case.PostponementHorizon"/>).
/// </summary>
/// <param name="LongestExtension">How far 延期 may move a round's deadline in total, on <paramref name="Basis"/>; null: no limit.</param>
public sealed record ResolvedPolicy(
    int? PolicyId, int? Revision, CaseTimeLimits Limits, TimeBasis Basis, SignForLapse SignForLapse = SignForLapse.ReturnToDispatch,
    bool AutoSuperviseOnOverdue = true, int MaxPostponements = TimePolicy.DefaultMaxPostponements, TimeSpan? LongestExtension = null,
    WaitingLimits? WaitingLimits = null)
{
    public WaitingLimits Waiting => WaitingLimits ?? Policies.WaitingLimits.None;
}
