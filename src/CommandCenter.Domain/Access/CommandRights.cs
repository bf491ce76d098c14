using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Access;

/// <summary>
/// Which post may run which command on a case, on top of what the case's state allows
/// (<see cref="Case.WhyNot"/>): the dispatch desk takes in, dispatches and checks; the unit that
/// holds a case handles it; leaders urge and decide requests; a department closes its own part,
/// and only the desk may close one on its behalf.
/// </summary>
public static class CommandRights
{
    /// <summary>Why the post may not run the command on the case, or null; <see cref="AccessRefusal.OutOfScope"/> first of all.</summary>
    public static AccessRefusal? WhyNot(Post post, CaseCommand command, Case @case) =>
        post.Role is AccessRole.System ? null
        : !CaseScope.Includes(post, @case) ? AccessRefusal.OutOfScope
        : WhyNotInScope(post, command, @case);

    /// <summary>The commands of <paramref name="allowedByState"/> this post may run: what a screen offers.</summary>
    public static IReadOnlyList<CaseCommand> Filter(Post post, Case @case, IEnumerable<CaseCommand> allowedByState) =>
        post.Role is not AccessRole.System && !CaseScope.Includes(post, @case)
            ? []
            : [.. allowedByState.Where(command => post.Role is AccessRole.System || WhyNotInScope(post, command, @case) is null)];

    /// <summary>
    /// Why the post may not close <paramref name="unitId"/>'s part of the case, or null: on top of
    /// <see cref="WhyNot"/>, a part is closed by its own unit or by the desk, never by another unit.
    /// </summary>
    public static AccessRefusal? WhyNotClosePart(Post post, Case @case, UnitId unitId) =>
        WhyNot(post, CaseCommand.ClosePart, @case) ?? (MayClosePartOf(post, unitId) ? null : AccessRefusal.NotPartHolder);

    /// <summary>Whether the post may close <paramref name="unitId"/>'s part: its own, or any as the dispatch desk.</summary>
    public static bool MayClosePartOf(Post post, UnitId unitId) =>
        post.Role is AccessRole.System || post.UnitId == unitId || IsDispatchDesk(post);

    /// <summary>The desk closes a part for a unit that is not its own, so it must say why (<see cref="Case.ClosePart"/>).</summary>
    public static bool ClosesPartOnBehalf(Post post, UnitId unitId) => post.UnitId != unitId;

    /// <summary>The posts that take in, dispatch and check cases.</summary>
    private static bool IsDispatchDesk(Post post) =>
        post.Role is AccessRole.Administrator or AccessRole.Dispatcher or AccessRole.CommunityStaff;

    /// <summary>The post's rights on a case already known to be in its scope: the scope is checked once, not per command.</summary>
    private static AccessRefusal? WhyNotInScope(Post post, CaseCommand command, Case @case)
    {
        if (post.Role is AccessRole.Display) return AccessRefusal.ReadOnly;
        // A resident rates the case they reported (DESIGN §3); nothing else.
        if (post.Role is AccessRole.Resident) return command == CaseCommand.Rate ? null : AccessRefusal.ReadOnly;
        if (post.Role is AccessRole.Administrator) return command == CaseCommand.AutoClose ? AccessRefusal.TimerOnly : null;
        return command switch
        {
            CaseCommand.Accept or CaseCommand.Reject or CaseCommand.Merge or CaseCommand.Dispatch or CaseCommand.Verify or CaseCommand.Rate =>
                IsDispatchDesk(post) ? null : AccessRefusal.DispatchDeskOnly,
            CaseCommand.Sign or CaseCommand.Return or CaseCommand.AddProgress or CaseCommand.ReportDone
                or CaseCommand.RequestPostponement or CaseCommand.RequestDeferral or CaseCommand.RequestEscalation =>
                post.UnitId is { } unit && unit == @case.CurrentUnitId ? null : AccessRefusal.NotHolder,
            CaseCommand.ApproveRequest or CaseCommand.RefuseRequest or CaseCommand.Escalate =>
                post.Role is AccessRole.Dispatcher or AccessRole.StreetLeader or AccessRole.CommunityStaff ? null : AccessRefusal.DispatchDeskOnly,
            CaseCommand.Supervise =>
                post.Role is AccessRole.Dispatcher or AccessRole.StreetLeader ? null : AccessRefusal.LeadersOnly,
            CaseCommand.ClosePart =>
                IsDispatchDesk(post) || @case.Parts.Any(p => p.UnitId == post.UnitId && p.Role == PartRole.CoHandler && !p.IsClosed)
                    ? null : AccessRefusal.NotPartHolder,
            CaseCommand.AutoClose => AccessRefusal.TimerOnly,
            CaseCommand.AnswerSupervision => post.UnitId is { } holder && holder == @case.CurrentUnitId ? null : AccessRefusal.NotHolder,
            _ => AccessRefusal.DispatchDeskOnly,
        };
    }
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
}
