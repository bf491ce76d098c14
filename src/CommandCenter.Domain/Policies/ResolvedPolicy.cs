using CommandCenter.Domain.Cases;

namespace CommandCenter.Domain.Policies;

/// <summary>
/// The limits that apply to a case, and which policy revision gave them; both ids are
/// null when no policy matched and <see cref="DefaultTimeLimits"/> applied (a missed sign-for then returns to dispatch,
/// an overdue case is 督办'd, and no waiting stage is clocked).
/// </summary>
public sealed record ResolvedPolicy(
    int? PolicyId, int? Revision, CaseTimeLimits Limits, TimeBasis Basis, SignForLapse SignForLapse = SignForLapse.ReturnToDispatch,
    bool AutoSuperviseOnOverdue = true, WaitingLimits? WaitingLimits = null)
{
    public WaitingLimits Waiting => WaitingLimits ?? Policies.WaitingLimits.None;
}
