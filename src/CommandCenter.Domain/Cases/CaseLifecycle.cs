using static CommandCenter.Domain.Cases.CaseState;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// The lifecycle of DESIGN §3 as one table: which states each command may start from.
/// Conditions that go beyond the state (an open cross-agency part, a pending request,
/// arbitration) are in <see cref="Case.WhyNot"/>.
/// </summary>
public static class CaseLifecycle
{
    private static readonly CaseState[] OpenStates = [.. CaseStates.Open];

    public static readonly IReadOnlyDictionary<CaseCommand, CaseState[]> AllowedFrom =
        new Dictionary<CaseCommand, CaseState[]>
        {
            [CaseCommand.Accept] = [Reported],
            [CaseCommand.Reject] = [Reported],
            [CaseCommand.Merge] = [Reported],
            [CaseCommand.Dispatch] = [PendingDispatch],
            [CaseCommand.Sign] = [Dispatched],
            [CaseCommand.Return] = [Dispatched],
            [CaseCommand.AddProgress] = [InProgress],
            [CaseCommand.ReportDone] = [InProgress],
            [CaseCommand.RequestPostponement] = [InProgress],
            [CaseCommand.RequestDeferral] = [InProgress],
            [CaseCommand.RequestEscalation] = [InProgress],
            [CaseCommand.ApproveRequest] = [InProgress],
            [CaseCommand.RefuseRequest] = [InProgress],
            [CaseCommand.Verify] = [PendingVerification],
            [CaseCommand.Rate] = [PendingEvaluation],
            [CaseCommand.AutoClose] = [PendingEvaluation],
            [CaseCommand.Supervise] = OpenStates,
            [CaseCommand.Escalate] = [PendingDispatch, Dispatched, InProgress],
            [CaseCommand.ClosePart] = [Dispatched, InProgress],
            [CaseCommand.DecideClose] = [PendingEvaluation],
            [CaseCommand.AnswerSupervision] = [Dispatched, InProgress],
            [CaseCommand.ResumeDeferred] = [InProgress],
            [CaseCommand.ExtendDeferral] = [InProgress],
            [CaseCommand.SignPart] = [Dispatched, InProgress],
            [CaseCommand.AddPartProgress] = [Dispatched, InProgress],
            [CaseCommand.ReturnPart] = [Dispatched, InProgress],
            [CaseCommand.AssignPart] = [Dispatched, InProgress],
        };

    /// <summary>Where a command leaves the case when it succeeds (null: stays, or depends on the arguments).</summary>
    public static readonly IReadOnlyDictionary<CaseCommand, CaseState?> LeadsTo =
        new Dictionary<CaseCommand, CaseState?>
        {
            [CaseCommand.Accept] = PendingDispatch,
            [CaseCommand.Reject] = Rejected,
            [CaseCommand.Merge] = Merged,
            [CaseCommand.Dispatch] = Dispatched,
            [CaseCommand.Sign] = InProgress,
            [CaseCommand.Return] = PendingDispatch,
            [CaseCommand.AddProgress] = null,
            [CaseCommand.ReportDone] = PendingVerification,
            [CaseCommand.RequestPostponement] = null,
            [CaseCommand.RequestDeferral] = null,
            [CaseCommand.RequestEscalation] = null,
            [CaseCommand.ApproveRequest] = null,
            [CaseCommand.RefuseRequest] = null,
            [CaseCommand.Verify] = null,
            [CaseCommand.Rate] = null,
            [CaseCommand.AutoClose] = Closed,
            [CaseCommand.Supervise] = null,
            [CaseCommand.Escalate] = PendingDispatch,
            [CaseCommand.ClosePart] = null,
            [CaseCommand.DecideClose] = Closed,
            [CaseCommand.AnswerSupervision] = null,
            [CaseCommand.ResumeDeferred] = null,
            [CaseCommand.ExtendDeferral] = null,
            [CaseCommand.SignPart] = null,
            [CaseCommand.AddPartProgress] = null,
            [CaseCommand.ReturnPart] = null,
            [CaseCommand.AssignPart] = null,
        };

    public static bool StateAllows(CaseState state, CaseCommand command) => AllowedFrom[command].Contains(state);
}
