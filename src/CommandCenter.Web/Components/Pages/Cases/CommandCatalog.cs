using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components.Pages.Cases;

/// <summary>
/// The one place that knows, for every command, what the console's dialog and the phone ask and which
/// request the answers make. Commands of one argument shape share a builder (<see cref="Text"/>,
/// <see cref="WithPhotos"/>, <see cref="Confirm"/>).
/// </summary>
/// <param name="routing">The street's routing table: a dispatch starts at the unit it names for the case; none on the phone.</param>
public sealed class CommandCatalog(OrganisationDirectory directory, CaseQueries queries, IStringLocalizer localizer, Post post, RoutingTable? routing = null)
{
    private const string Reason = "Field.Reason";
    private const string Note = "Field.Note";
    private const string Result = "Field.Result";

    public async Task<CommandForm> FormForAsync(CaseCommand command, CaseDetail detail, CancellationToken cancellationToken = default) => command switch
    {
        CaseCommand.Accept => Accept(detail),
        CaseCommand.Reject => Text(command, Reason, required: true, reason => new RejectCase(reason!)),
        CaseCommand.Merge => await MergeAsync(detail, cancellationToken),
        CaseCommand.Dispatch => Dispatch(detail),
        CaseCommand.Sign => Confirm(command, new SignCase()),
        CaseCommand.Return => Return(),
        CaseCommand.AddProgress => WithPhotos(command, Note, (note, photos) => new AddProgress(note, photos)),
        CaseCommand.ReportDone => WithPhotos(command, Result, (result, photos) => new ReportDone(result, photos)),
        CaseCommand.RequestPostponement => Postponement(detail),
        CaseCommand.RequestDeferral => Deferral(),
        CaseCommand.RequestEscalation => Text(command, Reason, required: true, reason => new RequestEscalation(reason!)),
        CaseCommand.ApproveRequest => Approve(detail),
        CaseCommand.RefuseRequest => Text(command, Reason, required: true, reason => new RefuseRequest(reason!), PendingHint(detail)),
        CaseCommand.Verify => Verify(detail),
        CaseCommand.Rate => Rate(detail),
        CaseCommand.AutoClose => Confirm(command, new AutoCloseCase()),
        CaseCommand.Supervise => Supervise(),
        CaseCommand.Escalate => Text(command, Reason, required: true, reason => new EscalateCase(reason!)),
        CaseCommand.DecideClose => Text(command, Reason, required: true, reason => new DecideCloseCase(reason!), localizer["Dialog.DecideCloseHint"].Value),
        CaseCommand.ClosePart or CaseCommand.ReturnPart => PartForm(command, post, PartsFor(detail, command, _ => true)),
        CaseCommand.SignPart => PartForm(command, post, PartsFor(detail, command, p => !p.IsSigned)),
        CaseCommand.AddPartProgress => PartForm(command, post, PartsFor(detail, command, p => p.IsSigned)),
        CaseCommand.AssignPart => AssignPart(detail),
        CaseCommand.AnswerSupervision => Text(command, "Field.Answer", required: true, answer => new AnswerSupervisionCase(answer!), SupervisionHint(detail)),
        CaseCommand.ResumeDeferred => Text(command, Note, required: false, note => new ResumeDeferredCase(note), DeferralHint(detail)),
        CaseCommand.ExtendDeferral => ExtendDeferral(detail),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "No form for this command."),
    };

    /// <summary>One department's part: its liaison gives the result; the desk closing it on the department's behalf also says why.</summary>
    public static CommandForm ClosePartOf(Post post, UnitId unitId, string unitName) => ClosePartForm(post, [(unitId, unitName)]);

    /// <summary>The form of a part command (<see cref="CommandRights.IsPartCommand"/>) on one unit's part, as its workspace offers it.</summary>
    public static CommandForm PartFormOf(CaseCommand command, Post post, UnitId unitId, string unitName) => PartForm(command, post, [(unitId, unitName)]);

    private CommandForm Accept(CaseDetail detail)
    {
        var level = new ChoiceField<HandlingLevel?>("Field.Level", required: false,
            Enum.GetValues<HandlingLevel>().Select(l => ((HandlingLevel?)l, localizer.Enum(l))), detail.Level);
        var note = new TextField(Note, required: false);
        return new(CaseCommand.Accept, [level, note], (_, _) => Request(new AcceptCase(level.Value, note.Value)));
    }

    /// <summary>
    /// 受理并派遣, the routine case as the desk sees it: one form, at the level the case has, starting at the routing table's
    /// unit and saying by when the unit must sign; the note goes with the dispatch, to the unit. Both acts are recorded.
    /// </summary>
    public CommandForm AcceptAndDispatch(CaseDetail detail, DeadlineRules rules, DateTime nowUtc)
    {
        var (unit, coHandlers, note) = DispatchFields(detail);
        var limits = rules.For(rules.Policies.Resolve(detail.Report.CategoryCode, detail.Report.Urgency, detail.Level));
        var hint = localizer["Dialog.DispatchDeadlines", ChinaTimeText.Format(limits.SignDeadline(nowUtc)), ChinaTimeText.Format(limits.HandlingDeadline(nowUtc))].Value;
        return new(CaseCommand.Accept, [unit, .. coHandlers is null ? [] : new FormField[] { coHandlers }, note],
            (_, _) => Request(new AcceptCase()), hint, Title: localizer["Command.AcceptAndDispatch"].Value,
            FollowedBy: () => new DispatchCase(unit.Value, coHandlers?.Values, note.Value));
    }

    private async Task<CommandForm> MergeAsync(CaseDetail detail, CancellationToken cancellationToken)
    {
        var duplicates = await queries.DuplicatesAsync(post, detail.Place.CourtyardId, detail.Report.CategoryCode, detail.Id, cancellationToken);
        var duplicate = new ChoiceField<Guid?>("Field.Duplicate", required: false,
            duplicates.Select(d => ((Guid?)d.Id, $"{d.Number} · {localizer.Enum(d.State)} · {ChinaTimeText.Format(d.ReportedAtUtc)}")));
        var number = new TextField("Field.TargetCaseNumber", required: false, lines: 1);
        FormField[] fields = duplicates.Count > 0 ? [duplicate, number] : [number];
        return new(CaseCommand.Merge, fields, async (_, ct) =>
        {
            if (duplicate.Value is { } chosen) return new MergeCase(chosen);
            var typed = number.Value?.Trim();
            if (string.IsNullOrEmpty(typed))
                throw new DomainValidationException("Required", "Choose a duplicate or type the case number to merge into.", "targetCaseNumber");
            return new MergeCase(await queries.FindByNumberAsync(post, typed, ct) ?? throw new UnknownReferenceException("targetCaseNumber", typed));
        }, duplicates.Count == 0 ? localizer["Dialog.NoDuplicates"].Value : null);
    }

    private CommandForm Dispatch(CaseDetail detail)
    {
        var (unit, coHandlers, note) = DispatchFields(detail);
        var hint = detail.Handling.NextDispatchIsArbitration ? localizer["Dialog.Arbitration", detail.Handling.ReturnCount].Value : null;
        return new(CaseCommand.Dispatch, [unit, .. coHandlers is null ? [] : new FormField[] { coHandlers }, note],
            (_, _) => Request(new DispatchCase(unit.Value, coHandlers?.Values, note.Value)), hint);
    }

    /// <summary>The unit, starting at the routed one; co-handlers only from street level up, as <see cref="Case.Dispatch"/> allows; a note to the unit.</summary>
    private (ChoiceField<UnitId> Unit, MultiChoiceField<UnitId>? CoHandlers, TextField Note) DispatchFields(CaseDetail detail)
    {
        var serving = directory.UnitsServing(detail.Level, detail.Place.CourtyardId).Select(u => (u.Id, u.Name)).ToList();
        var unit = RoutedUnit(detail) is { } routed
            ? new ChoiceField<UnitId>("Field.UnitId", required: true, serving, routed.Id)
            : new ChoiceField<UnitId>("Field.UnitId", required: true, serving);
        var coHandlers = detail.Level < HandlingLevel.Street
            ? null
            : new MultiChoiceField<UnitId>("Field.CoHandlerUnitIds", CoHandlerUnits().Select(u => (u.Id, u.Name)));
        return (unit, coHandlers, new TextField(Note, required: false, lines: 2));
    }

    /// <summary>The routing table's unit; where it has no rule for the level, the first of the case's own units (a courtyard's company before its owners' committee).</summary>
    private HandlingUnit? RoutedUnit(CaseDetail detail) => routing is null
        ? null
        : routing.Resolve(detail.Report.CategoryCode, detail.Level) is { } rule
            ? directory.RoutedUnit(rule, detail.Level, detail.Place.CourtyardId)
            : directory.UnitsServing(detail.Level, detail.Place.CourtyardId).FirstOrDefault();

    /// <summary>The units that may co-handle: street offices and district departments, as <see cref="Case.Dispatch"/> allows.</summary>
    private IEnumerable<HandlingUnit> CoHandlerUnits() =>
        directory.Units.Where(u => u.Kind is UnitKind.StreetOffice or UnitKind.DistrictDepartment);

    /// <summary>The open co-handler parts that <paramref name="fits"/> on which the post may run <paramref name="command"/>.</summary>
    private IReadOnlyList<(UnitId UnitId, string Name)> PartsFor(CaseDetail detail, CaseCommand command, Func<PartView, bool> fits) =>
        [.. detail.Parts
            .Where(p => p.Role == PartRole.CoHandler && p.IsOpen && fits(p) && CommandRights.MayActOnPartOf(post, command, p.UnitId))
            .Select(p => (p.UnitId, p.UnitName))];

    /// <summary>A part command on one of <paramref name="parts"/>: signing asks nothing more, progress a note and photos, a return its reason.</summary>
    private static CommandForm PartForm(CaseCommand command, Post post, IReadOnlyList<(UnitId UnitId, string Name)> parts)
    {
        var unit = new ChoiceField<UnitId>("Field.Department", required: true, parts);
        var text = new TextField(command == CaseCommand.ReturnPart ? Reason : Note, required: true);
        return command switch
        {
            CaseCommand.ClosePart => ClosePartForm(post, parts),
            CaseCommand.SignPart => new(command, [unit], (_, _) => Request(new SignPart(unit.Value))),
            CaseCommand.AddPartProgress => new(command, [unit, text], (photos, _) => Request(new AddPartProgress(unit.Value, text.Value!, photos)), TakesPhotos: true),
            CaseCommand.ReturnPart => new(command, [unit, text], (_, _) => Request(new ReturnPart(unit.Value, text.Value!))),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a part command."),
        };
    }

    /// <summary>Another co-handler, among the units that hold no open part and do not lead.</summary>
    private CommandForm AssignPart(CaseDetail detail)
    {
        var busy = detail.Parts.Where(p => p.IsOpen).Select(p => (UnitId?)p.UnitId).Append(detail.Handling.CurrentUnitId).OfType<UnitId>().ToHashSet();
        var unit = new ChoiceField<UnitId>("Field.UnitId", required: true, CoHandlerUnits().Where(u => !busy.Contains(u.Id)).Select(u => (u.Id, u.Name)));
        var note = new TextField(Note, required: false);
        return new(CaseCommand.AssignPart, [unit, note], (_, _) => Request(new AssignPart(unit.Value, note.Value)));
    }

    private CommandForm Return()
    {
        var reason = new ChoiceField<ReturnReason>("Field.ReturnReason", required: true,
            Enum.GetValues<ReturnReason>().Select(r => (r, localizer.Enum(r))));
        var note = new TextField(Note, required: false);
        return new(CaseCommand.Return, [reason, note], (_, _) => Request(new ReturnCase(reason.Value, note.Value)), localizer["Dialog.ReturnNoteWhenOther"].Value);
    }

    private CommandForm Postponement(CaseDetail detail)
    {
        var reason = new TextField(Reason, required: true);
        var deadline = new DateTimeField("Field.NewDeadline", required: true, detail.Deadlines.HandlingDeadlineUtc + TimeSpan.FromDays(1));
        var current = detail.Deadlines.HandlingDeadlineUtc is { } now ? localizer["Dialog.CurrentDeadline", ChinaTimeText.Format(now)].Value : null;
        var latest = detail.Deadlines.LatestPostponementUtc is { } last ? localizer["Dialog.LatestPostponement", ChinaTimeText.Format(last)].Value : null;
        var hint = string.Join(" ", new[] { current, latest }.OfType<string>());
        return new(CaseCommand.RequestPostponement, [reason, deadline],
            (_, _) => Request(new RequestPostponement(reason.Value!, deadline.Utc!.Value)), hint.Length > 0 ? hint : null);
    }

    /// <summary>Why, and when a leader should look again.</summary>
    private CommandForm Deferral()
    {
        var reason = new TextField(Reason, required: true);
        var reviewAt = new DateTimeField("Field.ReviewAt", required: true, null);
        return new(CaseCommand.RequestDeferral, [reason, reviewAt], (_, _) => Request(new RequestDeferral(reason.Value!, reviewAt.Utc)));
    }

    /// <summary>
    /// The approver may shorten a postponement or move a deferral's review date: the date field starts at what was
    /// asked, and is sent only when changed, so a request granted as asked is granted to the second.
    /// </summary>
    private CommandForm Approve(CaseDetail detail)
    {
        var note = new TextField(Note, required: false);
        var hint = PendingHint(detail);
        if (detail.PendingRequest is not { Kind: RequestKind.Postponement or RequestKind.Deferral } pending)
            return new(CaseCommand.ApproveRequest, [note], (_, _) => Request(new ApproveRequest(note.Value)), hint);

        var postponement = pending.Kind == RequestKind.Postponement;
        var asked = pending.RequestedDeadlineUtc;
        var date = new DateTimeField(postponement ? "Field.GrantedDeadline" : "Field.ReviewAt", required: true, asked);
        var initial = date.Utc;
        return new(CaseCommand.ApproveRequest, [date, note], (_, _) =>
        {
            var granted = date.Utc == initial ? null : date.Utc;
            return Request(postponement
                ? new ApproveRequest(note.Value, GrantedDeadlineUtc: granted)
                : new ApproveRequest(note.Value, GrantedReviewAtUtc: granted));
        }, hint);
    }

    private CommandForm ExtendDeferral(CaseDetail detail)
    {
        var reviewAt = new DateTimeField("Field.ReviewAt", required: true, detail.Deadlines.ReviewAtUtc + TimeSpan.FromDays(30));
        var note = new TextField(Note, required: false);
        return new(CaseCommand.ExtendDeferral, [reviewAt, note], (_, _) => Request(new ExtendDeferralCase(reviewAt.Utc, note.Value)), DeferralHint(detail));
    }

    private string? DeferralHint(CaseDetail detail) => detail.Deadlines is { IsDeferred: true, DeferredAtUtc: { } since } deadlines
        ? localizer["Dialog.Deferral", ChinaTimeText.Format(since), ChinaTimeText.Format(deadlines.ReviewAtUtc)].Value
        : null;

    /// <summary>What the command center wants, and by when; no deadline means the default window.</summary>
    private CommandForm Supervise()
    {
        var note = new TextField(Note, required: true);
        var replyDue = new DateTimeField("Field.ReplyDue", required: false, null);
        return new(CaseCommand.Supervise, [note, replyDue], (_, _) => Request(new SuperviseCase(note.Value!, replyDue.Utc)),
            localizer["Dialog.ReplyDueDefault", Supervision.DefaultReplyWithin.TotalHours].Value);
    }

    private string? SupervisionHint(CaseDetail detail) => detail.Supervision is { } s
        ? localizer["Dialog.Supervision", s.Note ?? localizer.Or($"AutoSupervision.{s.Automatic}", ""), ChinaTimeText.Format(s.ReplyDueUtc)].Value
        : null;

    private CommandForm Verify(CaseDetail detail)
    {
        var passed = new ChoiceField<bool>("Field.Verification", required: true,
            [(true, localizer["Verify.Passed"].Value), (false, localizer["Verify.Failed"].Value)]);
        var note = new TextField(Note, required: false);
        var hint = detail.Handling.ResultSummary is { } result ? localizer["Dialog.ReportedResult", result].Value : null;
        return new(CaseCommand.Verify, [passed, note], (_, _) => Request(new VerifyCase(passed.Value, note.Value)), hint);
    }

    /// <summary>A hotline caller holds no tracking code: the desk's revisit call (回访) is the only rating, and the form says so.</summary>
    private CommandForm Rate(CaseDetail detail)
    {
        var sources = RatingRules.SourcesFor(detail.Report.Channel);
        var rating = new ChoiceField<Rating>("Field.Rating", required: true, RatingRules.ByPerson.Select(r => (r, localizer.Enum(r))));
        var source = new ChoiceField<RatingSource>("Field.RatingSource", required: true, sources.Select(s => (s, localizer.Enum(s))), sources[0]);
        var comment = new TextField("Field.Comment", required: false);
        var byRevisit = RatingRules.RatedByRevisitOnly(detail.Report.Channel);
        return new(CaseCommand.Rate, [rating, source, comment], (_, _) => Request(new RateCase(rating.Value, comment.Value, source.Value)),
            byRevisit ? localizer["Dialog.RevisitHint"].Value : null, Title: byRevisit ? localizer["Command.Revisit"].Value : null);
    }

    /// <summary>The parts the post may close; the desk closes them for their departments, so it is asked why.</summary>
    private static CommandForm ClosePartForm(Post post, IReadOnlyList<(UnitId UnitId, string Name)> parts)
    {
        var unit = new ChoiceField<UnitId>("Field.Department", required: true, parts);
        var result = new TextField(Result, required: true);
        if (!parts.Any(p => CommandRights.ClosesPartOnBehalf(post, p.UnitId)))
            return new(CaseCommand.ClosePart, [unit, result], (_, _) => Request(new ClosePart(unit.Value, result.Value!)));
        var reason = new TextField("Field.OnBehalfReason", required: true);
        return new(CaseCommand.ClosePart, [unit, result, reason], (_, _) => Request(new ClosePart(unit.Value, result.Value!, reason.Value)));
    }

    private static CommandForm Text(
        CaseCommand command, string labelKey, bool required, Func<string?, CaseCommandRequest> request, string? hint = null)
    {
        var text = new TextField(labelKey, required);
        return new(command, [text], (_, _) => Request(request(text.Value)), hint);
    }

    /// <summary>A required text and the photos the phone took: what a handler reports from the spot.</summary>
    private static CommandForm WithPhotos(CaseCommand command, string labelKey, Func<string, IReadOnlyList<Guid>, CaseCommandRequest> request)
    {
        var text = new TextField(labelKey, required: true);
        return new(command, [text], (photos, _) => Request(request(text.Value!, photos)), TakesPhotos: true);
    }

    private static CommandForm Confirm(CaseCommand command, CaseCommandRequest request) => new(command, [], (_, _) => Request(request));

    private string? PendingHint(CaseDetail detail) => detail.PendingRequest is { } pending
        ? localizer["Dialog.PendingRequest", localizer.Enum(pending.Kind), pending.RequestedBy, pending.Reason,
            ChinaTimeText.Format(pending.RequestedDeadlineUtc)].Value
        : null;

    private static Task<CaseCommandRequest> Request(CaseCommandRequest request) => Task.FromResult(request);
}
