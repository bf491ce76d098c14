using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Intake from any channel. The API, the console and the phone pages all send this. Value fields
/// are nullable so a missing one is refused by name (<see cref="RequestField"/>), not defaulted.
/// <c>PhotoIds</c>: photos the sender uploaded beforehand (POST /api/photos); pages send theirs as enclosures.
/// <c>FacilityId</c>: the courtyard's facility the report is about (a lift, a bin), if any.
/// </summary>
public sealed record ReportCaseRequest(
    Channel? Channel,
    [property: Required] string CategoryCode,
    Urgency? Urgency,
    CourtyardId? CourtyardId,
    BuildingId? BuildingId,
    [property: Required] string Description,
    string? ReporterName = null,
    string? ReporterPhone = null,
    double? Latitude = null,
    double? Longitude = null,
    IReadOnlyList<Guid>? PhotoIds = null,
    FacilityId? FacilityId = null);

/// <summary>
/// A command on an existing case. <see cref="ExpectedVersion"/>, when given, is the version
/// the sender saw: if the case changed since, the command is refused as a conflict.
/// </summary>
public abstract record CaseCommandRequest
{
    public int? ExpectedVersion { get; init; }

    /// <summary>The command this request runs, as its <see cref="CommandRouteAttribute"/> declares.</summary>
    public CaseCommand Command => CaseCommandRoutes.Of(GetType()).Command;

    /// <summary>Why the post may not send this request to the case, or null; a request that names a unit's share narrows it.</summary>
    public virtual AccessRefusal? WhyNot(Post post, Case @case, DecisionRights decisions) => CommandRights.WhyNot(post, Command, @case, decisions);

    internal abstract Task ApplyAsync(Case @case, CaseCommandContext context);
}

[CommandRoute(CaseCommand.Accept, "accept")]
public sealed record AcceptCase(HandlingLevel? Level = null, string? Note = null) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) =>
        c.Run(() => @case.Accept(c.Actor, c.NowUtc, c.Rules, RequestField.Optional(Level, "level"), Note));
}

[CommandRoute(CaseCommand.Reject, "reject")]
public sealed record RejectCase(string Reason) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.Reject(Reason, c.Actor, c.NowUtc));
}

[CommandRoute(CaseCommand.Merge, "merge")]
public sealed record MergeCase(Guid? TargetCaseId) : CaseCommandRequest
{
    internal override async Task ApplyAsync(Case @case, CaseCommandContext c)
    {
        var target = await c.LoadOtherAsync(RequestField.Required(TargetCaseId, "targetCaseId"), "targetCaseId");
        @case.MergeInto(target, c.Actor, c.NowUtc);
    }
}

[CommandRoute(CaseCommand.Dispatch, "dispatch")]
public sealed record DispatchCase(UnitId? UnitId, IReadOnlyList<UnitId>? CoHandlerUnitIds = null, string? Note = null) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c)
    {
        var unit = c.Unit(RequestField.Required(UnitId, "unitId"), "unitId");
        var coHandlers = (CoHandlerUnitIds ?? []).Select(id => c.Unit(id, "coHandlerUnitIds")).ToList();
        return c.Run(() => @case.Dispatch(unit, coHandlers, c.Rules, c.Actor, c.NowUtc, Note));
    }
}

[CommandRoute(CaseCommand.Sign, "sign")]
public sealed record SignCase : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.Sign(c.Actor, c.NowUtc, c.Rules));
}

[CommandRoute(CaseCommand.Return, "return")]
public sealed record ReturnCase(ReturnReason? Reason, string? Note = null) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) =>
        c.Run(() => @case.Return(RequestField.Required(Reason, "reason"), Note, c.Actor, c.NowUtc, c.Rules));
}

/// <param name="PhotoIds">Photos stored beforehand (POST /api/photos, or a page's upload), by id; nothing else can be attached.</param>
// The photo ids replaced a list of free-form attachments: a caller still sending one is told, not silently ignored.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[CommandRoute(CaseCommand.AddProgress, "progress")]
public sealed record AddProgress(string Note, IReadOnlyList<Guid>? PhotoIds = null) : CaseCommandRequest
{
    internal override async Task ApplyAsync(Case @case, CaseCommandContext c) =>
        @case.AddProgress(Note, await c.PhotosAsync(PhotoIds, @case), c.Actor, c.NowUtc);
}

/// <param name="PhotoIds">Photos stored beforehand (POST /api/photos, or a page's upload), by id; nothing else can be attached.</param>
// The photo ids replaced a list of free-form attachments: a caller still sending one is told, not silently ignored.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[CommandRoute(CaseCommand.ReportDone, "done")]
public sealed record ReportDone(string Result, IReadOnlyList<Guid>? PhotoIds = null) : CaseCommandRequest
{
    internal override async Task ApplyAsync(Case @case, CaseCommandContext c) =>
        @case.ReportDone(Result, await c.PhotosAsync(PhotoIds, @case), c.Actor, c.NowUtc, c.Rules);
}

[CommandRoute(CaseCommand.RequestPostponement, "postponement")]
public sealed record RequestPostponement(string Reason, DateTime? NewDeadlineUtc) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.RequestPostponement(
        Reason, RequestField.Utc(RequestField.Required(NewDeadlineUtc, "newDeadlineUtc")), c.Actor, c.NowUtc));
}

/// <param name="ReviewAtUtc">When a leader should look at the deferral again; the approver may change it.</param>
[CommandRoute(CaseCommand.RequestDeferral, "deferral")]
public sealed record RequestDeferral(string Reason, DateTime? ReviewAtUtc) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.RequestDeferral(
        Reason, RequestField.Utc(RequestField.Required(ReviewAtUtc, "reviewAtUtc")), c.Actor, c.NowUtc));
}

[CommandRoute(CaseCommand.RequestEscalation, "escalation-request")]
public sealed record RequestEscalation(string Reason) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.RequestEscalation(Reason, c.Actor, c.NowUtc));
}

/// <param name="GrantedDeadlineUtc">For a postponement: an earlier deadline than asked; none grants the request as asked.</param>
/// <param name="GrantedReviewAtUtc">For a deferral: another review date than proposed.</param>
[CommandRoute(CaseCommand.ApproveRequest, "request/approve")]
public sealed record ApproveRequest(string? Note = null, DateTime? GrantedDeadlineUtc = null, DateTime? GrantedReviewAtUtc = null) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.ApproveRequest(
        Note, c.Actor, c.NowUtc, c.Rules, RequestField.Utc(GrantedDeadlineUtc), RequestField.Utc(GrantedReviewAtUtc)));
}

[CommandRoute(CaseCommand.ResumeDeferred, "deferral/resume")]
public sealed record ResumeDeferredCase(string? Note = null) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.ResumeDeferred(Note, c.Actor, c.NowUtc, c.Rules));
}

[CommandRoute(CaseCommand.ExtendDeferral, "deferral/extend")]
public sealed record ExtendDeferralCase(DateTime? ReviewAtUtc, string? Note = null) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.ExtendDeferral(
        RequestField.Utc(RequestField.Required(ReviewAtUtc, "reviewAtUtc")), Note, c.Actor, c.NowUtc));
}

[CommandRoute(CaseCommand.RefuseRequest, "request/refuse")]
public sealed record RefuseRequest(string Reason) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.RefuseRequest(Reason, c.Actor, c.NowUtc));
}

[CommandRoute(CaseCommand.Verify, "verify")]
public sealed record VerifyCase(bool? Passed, string? Note = null) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) =>
        c.Run(() => @case.Verify(RequestField.Required(Passed, "passed"), Note, c.Actor, c.NowUtc, c.Rules));
}

/// <param name="Source">Who gave the rating; the reporter unless said otherwise.</param>
[CommandRoute(CaseCommand.Rate, "rate")]
public sealed record RateCase(Rating? Rating, string? Comment = null, RatingSource? Source = null) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.Rate(
        RequestField.Required(Rating, "rating"), Comment, RequestField.Optional(Source, "source") ?? RatingSource.Reporter, c.Actor, c.NowUtc, c.Rules));
}

[CommandRoute(CaseCommand.AutoClose, "auto-close")]
public sealed record AutoCloseCase : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.AutoClose(c.Actor, c.NowUtc));
}

/// <param name="ReplyDueUtc">By when the unit must answer; none: within <see cref="Supervision.DefaultReplyWithin"/>.</param>
[CommandRoute(CaseCommand.Supervise, "supervise")]
public sealed record SuperviseCase(string Note, DateTime? ReplyDueUtc = null) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.Supervise(Note, ReplyDueUtc, c.Actor, c.NowUtc));
}

[CommandRoute(CaseCommand.AnswerSupervision, "supervision/answer")]
public sealed record AnswerSupervisionCase(string Answer) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.AnswerSupervision(Answer, c.Actor, c.NowUtc));
}

[CommandRoute(CaseCommand.Escalate, "escalate")]
public sealed record EscalateCase(string Reason) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.Escalate(Reason, c.Actor, c.NowUtc, c.Rules));
}

/// <summary>
/// A command on one unit's part of a cross-agency ticket: the post's rights are narrowed to that part
/// (<see cref="CommandRights.WhyNotOnPart"/>). A missing unit is refused by the unit's own check
/// (<see cref="CommandRights.WhyNot"/> first, then 422 when applied).
/// </summary>
public abstract record PartCommandRequest : CaseCommandRequest
{
    /// <summary>Whose part the request acts on.</summary>
    protected abstract UnitId? PartUnitId { get; }

    public override AccessRefusal? WhyNot(Post post, Case @case, DecisionRights decisions) =>
        PartUnitId is { } unit ? CommandRights.WhyNotOnPart(post, Command, @case, unit, decisions) : CommandRights.WhyNot(post, Command, @case, decisions);

    protected UnitId RequiredUnit => RequestField.Required(PartUnitId, "unitId");
}

/// <param name="Reason">Why the dispatch desk closes a department's part on its behalf; a department closing its own gives none.</param>
[CommandRoute(CaseCommand.ClosePart, "parts/close")]
public sealed record ClosePart(UnitId? UnitId, string Result, string? Reason = null) : PartCommandRequest
{
    protected override UnitId? PartUnitId => UnitId;
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) =>
        c.Run(() => @case.ClosePart(RequiredUnit, Result, c.Actor, c.NowUtc, Reason));
}

/// <summary>签收 of the unit's own part; its handling deadline starts.</summary>
[CommandRoute(CaseCommand.SignPart, "parts/sign")]
public sealed record SignPart(UnitId? UnitId) : PartCommandRequest
{
    protected override UnitId? PartUnitId => UnitId;
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) =>
        c.Run(() => @case.SignPart(RequiredUnit, c.Actor, c.NowUtc, c.Rules));
}

/// <param name="PhotoIds">Photos stored beforehand (POST /api/photos, or a page's upload), by id; nothing else can be attached.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[CommandRoute(CaseCommand.AddPartProgress, "parts/progress")]
public sealed record AddPartProgress(UnitId? UnitId, string Note, IReadOnlyList<Guid>? PhotoIds = null) : PartCommandRequest
{
    protected override UnitId? PartUnitId => UnitId;
    internal override async Task ApplyAsync(Case @case, CaseCommandContext c) =>
        @case.AddPartProgress(RequiredUnit, Note, await c.PhotosAsync(PhotoIds, @case), c.Actor, c.NowUtc);
}

/// <param name="Reason">退回: why the unit gives its part back (or why the desk does on its behalf).</param>
[CommandRoute(CaseCommand.ReturnPart, "parts/return")]
public sealed record ReturnPart(UnitId? UnitId, string Reason) : PartCommandRequest
{
    protected override UnitId? PartUnitId => UnitId;
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) =>
        c.Run(() => @case.ReturnPart(RequiredUnit, Reason, c.Actor, c.NowUtc));
}

/// <summary>The lead or the desk asks another unit to co-handle the running ticket, typically after a 退回.</summary>
[CommandRoute(CaseCommand.AssignPart, "parts/assign")]
public sealed record AssignPart(UnitId? UnitId, string? Note = null) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c)
    {
        var unit = c.Unit(RequestField.Required(UnitId, "unitId"), "unitId");
        return c.Run(() => @case.AssignPart(unit, c.Rules, c.Actor, c.NowUtc, Note));
    }
}

/// <param name="Reason">Why the case closes despite the reporter's 不满意; the reporter reads it on the tracking page.</param>
[CommandRoute(CaseCommand.DecideClose, "decide-close")]
public sealed record DecideCloseCase(string Reason) : CaseCommandRequest
{
    internal override Task ApplyAsync(Case @case, CaseCommandContext c) => c.Run(() => @case.DecideClose(Reason, c.Actor, c.NowUtc));
}
