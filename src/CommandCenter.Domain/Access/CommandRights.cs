using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Access;

/// <summary>
/// Which post may run which command on a case, on top of what the case's state allows
/// (<see cref="Case.WhyNot"/>): the dispatch desk takes in, dispatches and checks; the unit that
/// holds a case handles it; leaders urge and decide requests; a department closes its own part,
/// and only the desk may close one on its behalf. Decisions (<see cref="Decision"/>) go to the posts
/// the street's <see cref="DecisionRights"/> name, and no post checks or rates its own unit's work.
/// The administrator runs the system, not the cases: it runs no command on one.
/// </summary>
public static class CommandRights
{
    /// <summary>Why the post may not run the command on the case, or null; <see cref="AccessRefusal.OutOfScope"/> first of all.</summary>
    public static AccessRefusal? WhyNot(Post post, CaseCommand command, Case @case, DecisionRights decisions) =>
        post.Role is AccessRole.System ? null
        : !CaseScope.Includes(post, @case) ? AccessRefusal.OutOfScope
        : WhyNotInScope(post, command, @case, decisions);

    /// <summary>The commands of <paramref name="allowedByState"/> this post may run: what a screen offers.</summary>
    public static IReadOnlyList<CaseCommand> Filter(Post post, Case @case, IEnumerable<CaseCommand> allowedByState, DecisionRights decisions) =>
        post.Role is not AccessRole.System && !CaseScope.Includes(post, @case)
            ? []
            : [.. allowedByState.Where(command => post.Role is AccessRole.System || WhyNotInScope(post, command, @case, decisions) is null)];

    /// <summary>
    /// Why the post may not close <paramref name="unitId"/>'s part of the case, or null: on top of
    /// <see cref="WhyNot"/>, a part is closed by its own unit or by the desk, never by another unit.
    /// </summary>
    public static AccessRefusal? WhyNotClosePart(Post post, Case @case, UnitId unitId, DecisionRights decisions) =>
        WhyNotOnPart(post, CaseCommand.ClosePart, @case, unitId, decisions);

    /// <summary>
    /// Why the post may not run a part command (<see cref="IsPartCommand"/>) on <paramref name="unitId"/>'s part, or null:
    /// a unit signs and reports on its own part only; it closes or returns its own, or the desk does on its behalf.
    /// </summary>
    public static AccessRefusal? WhyNotOnPart(Post post, CaseCommand command, Case @case, UnitId unitId, DecisionRights decisions) =>
        WhyNot(post, command, @case, decisions) ?? (MayActOnPartOf(post, command, unitId) ? null : AccessRefusal.NotPartHolder);

    /// <summary>Whether the post may run <paramref name="command"/> on <paramref name="unitId"/>'s part.</summary>
    public static bool MayActOnPartOf(Post post, CaseCommand command, UnitId unitId) =>
        command is CaseCommand.ClosePart or CaseCommand.ReturnPart ? MayClosePartOf(post, unitId) : post.Role is AccessRole.System || post.UnitId == unitId;

    /// <summary>The commands that act on one unit's part of a cross-agency ticket.</summary>
    public static bool IsPartCommand(CaseCommand command) =>
        command is CaseCommand.ClosePart or CaseCommand.SignPart or CaseCommand.AddPartProgress or CaseCommand.ReturnPart;

    /// <summary>Whether the post may close <paramref name="unitId"/>'s part: its own, or any as the dispatch desk.</summary>
    public static bool MayClosePartOf(Post post, UnitId unitId) =>
        post.Role is AccessRole.System || post.UnitId == unitId || IsDispatchDesk(post);

    /// <summary>The desk closes a part for a unit that is not its own, so it must say why (<see cref="Case.ClosePart"/>).</summary>
    public static bool ClosesPartOnBehalf(Post post, UnitId unitId) => post.UnitId != unitId;

    /// <summary>The posts that take in, dispatch and check cases.</summary>
    private static bool IsDispatchDesk(Post post) =>
        post.Role is AccessRole.Dispatcher or AccessRole.CommunityStaff;

    /// <summary>The post's rights on a case already known to be in its scope: the scope is checked once, not per command.</summary>
    private static AccessRefusal? WhyNotInScope(Post post, CaseCommand command, Case @case, DecisionRights decisions)
    {
        if (post.Role is AccessRole.Display) return AccessRefusal.ReadOnly;
        // A resident rates the case they reported (DESIGN §3); nothing else.
        if (post.Role is AccessRole.Resident) return command == CaseCommand.Rate ? null : AccessRefusal.ReadOnly;
        if (post.Role is AccessRole.Administrator) return AccessRefusal.AdministratorRunsTheSystem;
        return command switch
        {
            CaseCommand.Accept or CaseCommand.Reject or CaseCommand.Merge or CaseCommand.Dispatch =>
                IsDispatchDesk(post) ? null : AccessRefusal.DispatchDeskOnly,
            // A person rating as staff is recording the reporter's word from a revisit call.
            CaseCommand.Verify or CaseCommand.Rate =>
                WhyNotDecide(post, command == CaseCommand.Verify ? Decision.Verify : Decision.RecordRevisit, decisions)
                ?? (post.UnitId is { } own && own == @case.CurrentUnitId ? AccessRefusal.OwnUnitsWork : null),
            CaseCommand.Sign or CaseCommand.Return or CaseCommand.AddProgress or CaseCommand.ReportDone
                or CaseCommand.RequestPostponement or CaseCommand.RequestDeferral or CaseCommand.RequestEscalation =>
                post.UnitId is { } unit && unit == @case.CurrentUnitId ? null : AccessRefusal.NotHolder,
            CaseCommand.ApproveRequest or CaseCommand.RefuseRequest => @case.PendingRequest is { } request
                ? WhyNotDecide(post, DecisionRights.ApprovalOf(request.Kind), decisions)
                // Nothing to decide: the state refuses it; the post is told only whether it decides any request.
                : Enum.GetValues<RequestKind>().Any(kind => decisions.Allows(post.Role, DecisionRights.ApprovalOf(kind))) ? null : AccessRefusal.NotYourDecision,
            CaseCommand.Escalate => WhyNotDecide(post, Decision.Escalate, decisions),
            CaseCommand.Supervise =>
                post.Role is AccessRole.Dispatcher or AccessRole.StreetLeader ? null : AccessRefusal.LeadersOnly,
            CaseCommand.DecideClose => WhyNotDecide(post, Decision.DecideClose, decisions),
            CaseCommand.ResumeDeferred or CaseCommand.ExtendDeferral => WhyNotDecide(post, Decision.ResumeDeferral, decisions),
            CaseCommand.ClosePart or CaseCommand.ReturnPart =>
                IsDispatchDesk(post) || HoldsOpenPart(post, @case) ? null : AccessRefusal.NotPartHolder,
            CaseCommand.SignPart or CaseCommand.AddPartProgress => HoldsOpenPart(post, @case) ? null : AccessRefusal.NotPartHolder,
            CaseCommand.AssignPart =>
                IsDispatchDesk(post) || post.UnitId is { } lead && lead == @case.CurrentUnitId ? null : AccessRefusal.LeadOrDeskOnly,
            CaseCommand.AutoClose => AccessRefusal.TimerOnly,
            CaseCommand.AnswerSupervision => post.UnitId is { } holder && holder == @case.CurrentUnitId ? null : AccessRefusal.NotHolder,
            _ => AccessRefusal.DispatchDeskOnly,
        };
    }

    private static bool HoldsOpenPart(Post post, Case @case) =>
        @case.Parts.Any(p => p.UnitId == post.UnitId && p.Role == PartRole.CoHandler && p.IsOpen);

    private static AccessRefusal? WhyNotDecide(Post post, Decision decision, DecisionRights decisions) =>
        decisions.Allows(post.Role, decision) ? null : AccessRefusal.NotYourDecision;
}

/// <summary>Why a post may not run a command; each has a sentence in the user's language.</summary>
public enum AccessRefusal
{
    OutOfScope,
    ReadOnly,
    DispatchDeskOnly,
    NotHolder,
    LeadersOnly,
    NotPartHolder,
    TimerOnly,
    /// <summary>The post's unit did the work: another unit checks and rates it (separation of duties).</summary>
    OwnUnitsWork,
    /// <summary>The street's table of who decides gives this decision to other posts.</summary>
    NotYourDecision,
    /// <summary>The administrator runs the system, not the cases.</summary>
    AdministratorRunsTheSystem,
    /// <summary>Only the lead unit or the dispatch desk asks another unit to co-handle.</summary>
    LeadOrDeskOnly,
}
