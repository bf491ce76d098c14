using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Builders;

/// <summary>A valid call for every <see cref="CaseCommand"/>, so tests can drive a case by the enum.</summary>
public static class Commands
{
    public static void Invoke(Case c, CaseCommand command, DateTime nowUtc)
    {
        var actor = Org.Dispatcher;
        Action call = command switch
        {
            CaseCommand.Accept => () => c.Accept(actor, nowUtc, Org.Rules),
            CaseCommand.Reject => () => c.Reject("A prank report", actor, nowUtc),
            CaseCommand.Merge => () => c.MergeInto(CaseBuilder.Report(nowUtc: nowUtc), actor, nowUtc),
            CaseCommand.Dispatch => () => Dispatch(c, nowUtc),
            CaseCommand.Sign => () => c.Sign(actor, nowUtc, Org.Rules),
            CaseCommand.Return => () => c.Return(ReturnReason.OwnershipUnclear, null, actor, nowUtc, Org.Rules),
            CaseCommand.AddProgress => () => c.AddProgress("Half of it carted away", null, actor, nowUtc),
            CaseCommand.ReportDone => () => c.ReportDone("Rubbish cleared", null, actor, nowUtc, Org.Rules),
            CaseCommand.RequestPostponement => () =>
                c.RequestPostponement("The skip lorry is booked", (c.Clock.HandlingDeadlineUtc ?? nowUtc).AddDays(2), actor, nowUtc),
            CaseCommand.RequestDeferral => () => c.RequestDeferral("Needs next year's budget", nowUtc.AddDays(30), actor, nowUtc),
            CaseCommand.RequestEscalation => () => c.RequestEscalation("Beyond the property company's powers", actor, nowUtc),
            CaseCommand.ApproveRequest => () => c.ApproveRequest(null, actor, nowUtc, Org.Rules),
            CaseCommand.RefuseRequest => () => c.RefuseRequest("Finish it within the limit", actor, nowUtc),
            CaseCommand.Verify => () => c.Verify(true, null, actor, nowUtc, Org.Rules),
            CaseCommand.Rate => () => c.Rate(Rating.Satisfied, null, RatingSource.Reporter, actor, nowUtc, Org.Rules),
            CaseCommand.AutoClose => () => c.AutoClose(Actor.System(ActSource.Timer), nowUtc),
            CaseCommand.Supervise => () => c.Supervise("Residents called twice", null, actor, nowUtc),
            CaseCommand.Escalate => () => c.Escalate("Nobody at this level can solve it", actor, nowUtc, Org.Rules),
            CaseCommand.ClosePart => () => ClosePartAsItsUnit(c, nowUtc),
            CaseCommand.DecideClose => () => c.DecideClose("Repaired twice; the remaining complaint is outside the street's remit", Org.Leader, nowUtc),
            CaseCommand.AnswerSupervision => () => c.AnswerSupervision("The crew is on its way", actor, nowUtc),
            CaseCommand.ResumeDeferred => () => c.ResumeDeferred(null, Org.Leader, nowUtc, Org.Rules),
            CaseCommand.ExtendDeferral => () => c.ExtendDeferral((c.Clock.ReviewAtUtc ?? nowUtc).AddDays(30), null, Org.Leader, nowUtc),
            CaseCommand.SignPart => () => OnOpenPart(c, p => !p.IsSigned, unitId => c.SignPart(unitId, Org.LiaisonOf(unitId), nowUtc, Org.Rules)),
            CaseCommand.AddPartProgress => () => OnOpenPart(c, p => p.IsSigned, unitId => c.AddPartProgress(unitId, "Railings ordered", null, Org.LiaisonOf(unitId), nowUtc)),
            CaseCommand.ReturnPart => () => OnOpenPart(c, _ => true, unitId => c.ReturnPart(unitId, "Not ours: the river bank is the water bureau's", Org.LiaisonOf(unitId), nowUtc)),
            CaseCommand.AssignPart => () => c.AssignPart(
                new[] { Org.SafetyOffice, Org.StreetOffice, Org.UrbanManagement }.First(u => u.Id != c.CurrentUnitId && !c.Parts.Any(p => p.UnitId == u.Id && p.IsOpen)),
                Org.Rules, actor, nowUtc),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Teach Commands.Invoke this command."),
        };
        call();
    }

    /// <summary>Dispatches to the unit that serves the case's courtyard at its level.</summary>
    public static void Dispatch(Case c, DateTime nowUtc, params HandlingUnit[] coHandlers) =>
        DispatchTo(c, Org.UnitAt(c.Level), nowUtc, coHandlers);

    public static void DispatchTo(Case c, HandlingUnit unit, DateTime nowUtc, params HandlingUnit[] coHandlers) =>
        c.Dispatch(unit, coHandlers, Org.Rules, Org.Dispatcher, nowUtc);

    public static CaseCommand RequestFor(RequestKind kind) => kind switch
    {
        RequestKind.Postponement => CaseCommand.RequestPostponement,
        RequestKind.Deferral => CaseCommand.RequestDeferral,
        _ => CaseCommand.RequestEscalation,
    };

    /// <summary>Acts as its own unit on the first open co-handler part that <paramref name="fits"/>, else on <see cref="Org.UrbanManagement"/>'s.</summary>
    private static void OnOpenPart(Case c, Func<CasePart, bool> fits, Action<UnitId> act) =>
        act(c.Parts.FirstOrDefault(p => p.Role == PartRole.CoHandler && p.IsOpen && fits(p))?.UnitId ?? Org.UrbanManagement.Id);

    /// <summary>A department closes its own part, so no reason is asked.</summary>
    private static void ClosePartAsItsUnit(Case c, DateTime nowUtc)
    {
        var unitId = c.Parts.FirstOrDefault(p => p.Role == PartRole.CoHandler && p.IsOpen)?.UnitId ?? Org.UrbanManagement.Id;
        c.ClosePart(unitId, "Our share is done", Org.LiaisonOf(unitId), nowUtc);
    }
}
