using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// A reported problem and everything done about it. Each command is one method; each
/// goes through <see cref="Guard"/>, which throws when the lifecycle (<see cref="CaseLifecycle"/>)
/// or a rule refuses, and each success appends one event to the timeline (a verification that
/// closes a case nobody can rate appends the close as a second).
/// </summary>
public sealed class Case
{
    public const int MaxNoteLength = 1000;
    public const int MaxAttachments = 9;
    /// <summary>After this many returns the next dispatch is an arbitration (审定) that cannot be returned.</summary>
    public const int ReturnsBeforeArbitration = 2;
    /// <summary>The furthest a postponement may move the deadline, from the moment it is asked: beyond it is a deferral (缓办), not a postponement.</summary>
    public static readonly TimeSpan PostponementHorizon = TimeSpan.FromDays(365);
    /// <summary>The furthest ahead a deferral's review date may be set.</summary>
    public static readonly TimeSpan DeferralReviewHorizon = TimeSpan.FromDays(365);

    private readonly List<TimelineEvent> _timeline = [];
    private readonly List<CasePart> _parts = [];
    private readonly List<HandlingRecord> _handling = [];

    private Case() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public StreetId StreetId { get; private set; }
    public Channel Channel { get; private set; }
    public string CategoryCode { get; private set; } = "";
    public Urgency Urgency { get; private set; }
    public CommunityId CommunityId { get; private set; }
    public CourtyardId CourtyardId { get; private set; }
    public BuildingId? BuildingId { get; private set; }
    /// <summary>The courtyard's facility the report is about (a lift, a bin), if it named one.</summary>
    public FacilityId? FacilityId { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string Description { get; private set; } = "";
    public string? ReporterName { get; private set; }
    public string? ReporterPhone { get; private set; }

    public CaseState State { get; private set; }
    public HandlingLevel Level { get; private set; }
    public UnitId? CurrentUnitId { get; private set; }

    public DateTime ReportedAtUtc { get; private set; }
    public DateTime? DoneAtUtc { get; private set; }
    public DateTime? VerifiedAtUtc { get; private set; }
    /// <summary>
    /// When 待评价 ends as 默认满意: verification plus the street's rating or revisit window of the time
    /// (<see cref="StreetRules.EvaluationWindowFor"/>). Null before verification, and for cases verified before the
    /// window was a street rule, which keep the 7 days they were promised (<see cref="EvaluationDeadlineUtc"/>).
    /// </summary>
    public DateTime? EvaluationEndsAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public DateTime LastChangedAtUtc { get; private set; }

    /// <summary>The deadlines of the current dispatch, their limits and the marks their timers left.</summary>
    public CaseClock Clock { get; private set; } = CaseClock.Stopped;
    /// <summary>The clock of the stage the case waits in for the street itself (待受理, 待派遣, 待核查), if the policy sets one.</summary>
    public WaitClock Wait { get; private set; } = WaitClock.None;
    /// <summary>
    /// The earliest moment a timer is due on this case, kept by every change: the one
    /// indexed column the deadline sweep reads. Null when no clock runs. The case's own, not
    /// the clock's: it also counts the evaluation window, and EF Core cannot index a column of
    /// a complex type (dotnet/efcore#31246).
    /// </summary>
    public DateTime? NextTimerAtUtc { get; private set; }

    public string? ResultSummary { get; private set; }
    /// <summary>A 督办 is open: made, not yet answered, and the case has not left its unit nor been done since. Stored for the queues' filter.</summary>
    public bool IsSupervised { get; private set; }
    /// <summary>How many 督办 the case has had, answered or not.</summary>
    public int SupervisionCount { get; private set; }
    /// <summary>The latest 督办 while the unit holds the case, open or answered; null when none or once it ended otherwise.</summary>
    public Supervision? Supervision { get; private set; }
    public int ReworkCount { get; private set; }
    public int ReturnCount { get; private set; }
    /// <summary>Returns since the case reached its current level; arbitration counts these.</summary>
    public int ReturnsAtLevel { get; private set; }
    public int EscalationCount { get; private set; }
    /// <summary>不满意 ratings that sent the case back for rework.</summary>
    public int UnsatisfiedReopenings { get; private set; }
    /// <summary>不满意 once more than the street's <see cref="StreetRules.UnsatisfiedReopeningsBeforeDecision"/> allows: the case waits for 审定结案, not for a rating.</summary>
    public bool AwaitsCloseDecision { get; private set; }
    public bool IsArbitrated { get; private set; }
    public Rating? Rating { get; private set; }
    public RatingSource? RatingSource { get; private set; }
    public string? RatingComment { get; private set; }
    public Guid? MergedIntoCaseId { get; private set; }
    public string? RejectionReason { get; private set; }
    public PendingRequest? PendingRequest { get; private set; }

    /// <summary>Raised by every change; the optimistic concurrency token.</summary>
    public int Version { get; private set; }
    /// <summary>Number of timeline events, so appending needs no load of the timeline.</summary>
    public int EventCount { get; private set; }

    public IReadOnlyList<TimelineEvent> Timeline => _timeline;
    public IReadOnlyList<CasePart> Parts => _parts;
    /// <summary>
    /// Each unit's time with the case, appended when it lets go (<see cref="HandlingRecord"/>). Like
    /// the timeline, appending needs no load: a command sees only the records it adds.
    /// </summary>
    public IReadOnlyList<HandlingRecord> HandlingRecords => _handling;

    public bool IsCrossAgency => _parts.Count > 0;

    /// <summary>The unit at this level has returned the case often enough that the next dispatch is an arbitration (审定).</summary>
    public bool NextDispatchIsArbitration => ReturnsAtLevel >= ReturnsBeforeArbitration;

    /// <summary>Takes a report in from any channel (待受理).</summary>
    /// <param name="facility">The courtyard's facility it is about, if named: one of its own and on its list.</param>
    public static Case Report(
        string number, StreetId streetId, Channel channel, Category category, Urgency urgency,
        Courtyard courtyard, Building? building, string description, Reporter? reporter,
        double? latitude, double? longitude, Actor actor, DateTime nowUtc, DeadlineRules rules,
        IReadOnlyCollection<Attachment>? attachments = null, Facility? facility = null)
    {
        if (!category.IsItem)
            throw Invalid("CategoryNotItem", $"Category {category.Code} is a group; choose one of its items.", "categoryCode");
        if (!category.IsActive)
            throw Invalid("CategoryRetired", $"Category {category.Code} is retired; choose another.", "categoryCode");
        if (building is not null && building.CourtyardId != courtyard.Id)
            throw Invalid("BuildingNotInCourtyard", $"Building {building.Id} is not in courtyard {courtyard.Id}.", "buildingId");
        if (facility?.WhyNotReportedIn(courtyard.Id, channel) is { } refusal) throw refusal;
        KnownValue.Of(channel, "channel");
        KnownValue.Of(urgency, "urgency");
        if (latitude is { } lat && !(lat is >= -90 and <= 90) || longitude is { } lng && !(lng is >= -180 and <= 180))
            throw Invalid("LocationOutOfRange", "The map point is not a valid latitude/longitude.", "location");
        ValidateAttachments(attachments);

        var @case = new Case
        {
            Id = Guid.CreateVersion7(nowUtc),
            Number = number,
            StreetId = streetId,
            Channel = channel,
            CategoryCode = category.Code,
            Urgency = urgency,
            CommunityId = courtyard.CommunityId,
            CourtyardId = courtyard.Id,
            BuildingId = building?.Id,
            FacilityId = facility is null ? null : new FacilityId(facility.Id),
            Latitude = latitude,
            Longitude = longitude,
            Description = CaseDescription.Check(description),
            ReporterName = Cases.ReporterName.Check(reporter?.Name),
            ReporterPhone = PhoneNumber.Check(reporter?.Phone),
            State = CaseState.Reported,
            Level = category.DefaultLevel,
            ReportedAtUtc = nowUtc,
        };
        @case.StartWaiting(rules, nowUtc);
        // The timeline says what the report was about as it stood then: the kind as a code, the place as the list wrote it.
        @case.Record(CaseEventType.Reported, null, actor, nowUtc, facility?.Place, attachments: attachments,
            detail: facility is null ? null : $"{nameof(FacilityKind)}.{facility.Kind}");
        return @case;
    }

    /// <summary>
    /// Why <paramref name="command"/> cannot run now, or null when it can. The single
    /// source for both the guard and the buttons a screen offers.
    /// </summary>
    public CaseRefusal? WhyNot(CaseCommand command, DateTime nowUtc)
    {
        if (!CaseLifecycle.StateAllows(State, command))
            return new("StateForbids", $"a case in state {State} cannot be sent {command}");

        return command switch
        {
            CaseCommand.Return when IsArbitrated =>
                new("ArbitratedCannotReturn", $"it was returned {ReturnsAtLevel} times at this level, so this dispatch was an arbitration (审定) and cannot be returned"),
            CaseCommand.ReportDone when OpenRequiredParts().Any() =>
                new("RequiredPartsOpen", $"required cross-agency parts are still open (units {string.Join(", ", OpenRequiredParts().Select(p => p.UnitId))})"),
            CaseCommand.RequestPostponement or CaseCommand.RequestDeferral or CaseCommand.RequestEscalation when PendingRequest is not null =>
                new("RequestAlreadyPending", $"a {PendingRequest.Kind} request is already waiting for a decision"),
            CaseCommand.RequestPostponement or CaseCommand.RequestDeferral when Clock.IsDeferred =>
                new("AlreadyDeferred", "the case is already deferred (缓办) and has no handling deadline"),
            CaseCommand.RequestPostponement when Clock.PostponementLimitReached =>
                new("PostponementLimitReached", $"this round already had the {Clock.MaxPostponements} postponements its policy allows"),
            CaseCommand.RequestPostponement when Clock.HandlingDeadlineUtc is { } deadline && nowUtc >= deadline =>
                new("DeadlinePassed", "a postponement must be requested before the handling deadline"),
            CaseCommand.ResumeDeferred or CaseCommand.ExtendDeferral when !Clock.IsDeferred =>
                new("NotDeferred", "the case is not deferred (缓办)"),
            CaseCommand.ApproveRequest or CaseCommand.RefuseRequest when PendingRequest is null =>
                new("NoPendingRequest", "there is no request waiting for a decision"),
            CaseCommand.RequestEscalation or CaseCommand.Escalate when !Level.CanRise() =>
                new("HighestLevel", "the case is already at district level, the highest"),
            CaseCommand.Rate or CaseCommand.AutoClose when AwaitsCloseDecision =>
                new("CloseDecisionPending", $"the reporter was unsatisfied {UnsatisfiedReopenings + 1} times; a street leader decides the close (审定结案)"),
            CaseCommand.DecideClose when !AwaitsCloseDecision =>
                new("NoCloseDecisionPending", "审定结案 follows a 不满意 once the street's reopenings are used up; this case does not wait for it"),
            CaseCommand.AutoClose when EvaluationDeadlineUtc is { } end && nowUtc < end =>
                new("EvaluationWindowOpen", $"the reporter may rate until {end:u}"),
            CaseCommand.ClosePart or CaseCommand.SignPart or CaseCommand.AddPartProgress or CaseCommand.ReturnPart
                when !_parts.Any(p => p.Role == PartRole.CoHandler && p.IsOpen) =>
                new("NoOpenPart", "no co-handling unit has an open part"),
            CaseCommand.AssignPart when !IsCrossAgency =>
                new("NotCrossAgency", "the case was dispatched to one unit; co-handlers join at dispatch"),
            CaseCommand.AnswerSupervision when !IsSupervised =>
                new("NoOpenSupervision", "there is no open 督办 to answer"),
            _ => null,
        };
    }

    /// <summary>The commands that can run now, in lifecycle order.</summary>
    /// <remarks>
    /// Every case answer lists these, intake's included: the state's own verdict comes first, since most commands
    /// are refused by the state and the sentence that would explain it is not wanted here.
    /// </remarks>
    public IReadOnlyList<CaseCommand> AllowedCommands(DateTime nowUtc) =>
        [.. AllCommands.Where(c => CaseLifecycle.StateAllows(State, c) && WhyNot(c, nowUtc) is null)];

    private static readonly CaseCommand[] AllCommands = Enum.GetValues<CaseCommand>();

    /// <summary>受理/立案: accepts the report into the pipeline, optionally at another level than the category's.</summary>
    public void Accept(Actor actor, DateTime nowUtc, DeadlineRules rules, HandlingLevel? level = null, string? note = null)
    {
        var from = Guard(CaseCommand.Accept, nowUtc);
        var text = OptionalNote(note);
        if (level is { } chosen) Level = KnownValue.Of(chosen, "level");
        State = CaseState.PendingDispatch;
        StartWaiting(rules, nowUtc);
        Record(CaseEventType.Accepted, from, actor, nowUtc, text);
    }

    /// <summary>不予受理/注销: the report is not a case (invalid, out of remit, prank).</summary>
    public void Reject(string reason, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.Reject, nowUtc);
        RejectionReason = RequiredNote(reason, "reason");
        State = CaseState.Rejected;
        ClosedAtUtc = nowUtc;
        EndSupervision();
        Record(CaseEventType.Rejected, from, actor, nowUtc, RejectionReason);
    }

    /// <summary>合并: this report duplicates <paramref name="target"/>; the target records the merge too.</summary>
    public void MergeInto(Case target, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.Merge, nowUtc);
        if (target.Id == Id)
            throw Invalid("MergeIntoSelf", "A case cannot be merged into itself.", "targetCaseId");
        if (target.State.IsFinal())
            throw Invalid("MergeTargetFinal", $"Case {target.Number} is {target.State}; merge into an open case.", "targetCaseId");
        MergedIntoCaseId = target.Id;
        State = CaseState.Merged;
        ClosedAtUtc = nowUtc;
        EndSupervision();
        Record(CaseEventType.MergedInto, from, actor, nowUtc, target.Number);
        target.Record(CaseEventType.DuplicateMerged, target.State, actor, nowUtc, Number);
    }

    /// <summary>
    /// 派遣: sends the case to a unit at its current level. At street or district level the lead (a
    /// street office, or a district department) may be joined by co-handlers, which makes it a
    /// cross-agency ticket; each co-handler's part gets its own sign-for and handling deadlines.
    /// After <see cref="ReturnsBeforeArbitration"/> returns this is an arbitration (审定).
    /// </summary>
    public void Dispatch(
        HandlingUnit unit, IReadOnlyCollection<HandlingUnit> coHandlers, DeadlineRules rules,
        Actor actor, DateTime nowUtc, string? note = null)
    {
        var from = Guard(CaseCommand.Dispatch, nowUtc);
        var text = OptionalNote(note);
        if (!unit.Serves(Level, CourtyardId, CommunityId))
            throw Invalid("UnitDoesNotServe", $"{unit.Name} does not handle {Level}-level cases in this courtyard.", "unitId");
        if (coHandlers.Count > 0)
        {
            CheckCoHandlersJoinHere();
            if (coHandlers.Any(c => !MayCoHandle(c) || c.Id == unit.Id)
                || coHandlers.Select(c => c.Id).Distinct().Count() != coHandlers.Count)
                throw Invalid("InvalidCoHandlers", "Co-handlers must be distinct street offices or district departments other than the lead.", "coHandlerUnitIds");
        }

        var policy = rules.Policies.Resolve(CategoryCode, Urgency, Level);
        _parts.Clear();
        if (coHandlers.Count > 0)
        {
            _parts.Add(new CasePart(unit.Id, PartRole.Lead, isRequired: true, CaseClock.Stopped));
            _parts.AddRange(coHandlers.Select(c => new CasePart(c.Id, PartRole.CoHandler, isRequired: true, CaseClock.Dispatched(policy, rules, nowUtc))));
        }

        IsArbitrated = NextDispatchIsArbitration;
        CurrentUnitId = unit.Id;
        Clock = CaseClock.Dispatched(policy, rules, nowUtc);
        State = CaseState.Dispatched;
        Record(IsArbitrated ? CaseEventType.Arbitrated : CaseEventType.Dispatched, from, actor, nowUtc, text);
    }

    /// <summary>签收: the unit takes the case; the handling clock starts.</summary>
    public void Sign(Actor actor, DateTime nowUtc, DeadlineRules rules)
    {
        var from = Guard(CaseCommand.Sign, nowUtc);
        Clock = Clock.Signed(nowUtc, rules);
        State = CaseState.InProgress;
        Record(CaseEventType.Signed, from, actor, nowUtc, null);
    }

    /// <summary>退单: the unit sends the case back to dispatch with a reason code.</summary>
    public void Return(ReturnReason reason, string? note, Actor actor, DateTime nowUtc, DeadlineRules rules)
    {
        var from = Guard(CaseCommand.Return, nowUtc);
        KnownValue.Of(reason, "reason");
        var text = reason == ReturnReason.Other ? RequiredNote(note, "note") : OptionalNote(note);
        var unit = CurrentUnitId;
        ReturnCount++;
        ReturnsAtLevel++;
        LeaveUnit(HandlingOutcome.Returned, nowUtc);
        State = CaseState.PendingDispatch;
        StartWaiting(rules, nowUtc);
        Record(CaseEventType.Returned, from, actor, nowUtc, text, unitId: unit, detail: Code(reason));
    }

    /// <summary>
    /// The unit let twice the sign-for limit pass without signing: the case goes back to the dispatch
    /// queue. Not a 退单 by the unit, so it does not count towards arbitration. At district level an
    /// escalating policy ends here too, as there is no level above.
    /// </summary>
    private void ReturnUnsigned(CaseState from, Actor timer, DateTime nowUtc, DeadlineRules rules)
    {
        var unit = CurrentUnitId;
        LeaveUnit(HandlingOutcome.ReturnedUnsigned, nowUtc);
        State = CaseState.PendingDispatch;
        StartWaiting(rules, nowUtc);
        Record(CaseEventType.ReturnedUnsigned, from, timer, nowUtc, null, unitId: unit);
    }

    /// <summary>Progress note, with photos, while the unit works.</summary>
    public void AddProgress(string note, IReadOnlyCollection<Attachment>? attachments, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.AddProgress, nowUtc);
        ValidateAttachments(attachments);
        var text = RequiredNote(note, "note");
        Record(CaseEventType.ProgressNoted, from, actor, nowUtc, text, attachments);
    }

    /// <summary>办结: the unit reports the problem solved. For a cross-agency ticket this closes the lead's part.</summary>
    public void ReportDone(string result, IReadOnlyCollection<Attachment>? attachments, Actor actor, DateTime nowUtc, DeadlineRules rules)
    {
        var from = Guard(CaseCommand.ReportDone, nowUtc);
        ValidateAttachments(attachments);
        ResultSummary = RequiredNote(result, "result");
        _parts.SingleOrDefault(p => p.Role == PartRole.Lead)?.Close(ResultSummary, nowUtc, actor.Name);
        var withdrawn = Withdrawn();
        PendingRequest = null;
        KeepHandlingRecord(HandlingOutcome.Done, nowUtc);
        EndSupervision();
        DoneAtUtc = nowUtc;
        State = CaseState.PendingVerification;
        StartWaiting(rules, nowUtc);
        Record(CaseEventType.ReportedDone, from, actor, nowUtc, ResultSummary, attachments, detail: withdrawn);
    }

    /// <summary>
    /// 延期: asks, before the deadline, for a later one: at most as many per round, and at most as far in total
    /// from the round's first deadline, as the dispatch's policy allows.
    /// </summary>
    public void RequestPostponement(string reason, DateTime newDeadlineUtc, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.RequestPostponement, nowUtc);
        if (Clock.HandlingDeadlineUtc is { } deadline && newDeadlineUtc <= deadline)
            throw Invalid("PostponementNotLater", $"The new deadline must be later than the current one ({deadline:u}).", "newDeadlineUtc");
        if (newDeadlineUtc <= nowUtc || newDeadlineUtc - nowUtc > PostponementHorizon)
            throw Invalid("PostponementOutOfRange",
                $"The new deadline must lie after now and at most {PostponementHorizon.TotalDays:0} days ahead.", "newDeadlineUtc");
        if (Clock.LatestPostponementUtc is { } latest && newDeadlineUtc > latest)
            throw Invalid("ExtensionTooLong", $"The policy lets postponements move this round's deadline to {latest:u} at the latest.", "newDeadlineUtc");
        var text = RequiredNote(reason, "reason");
        PendingRequest = new PendingRequest(RequestKind.Postponement, text, newDeadlineUtc, nowUtc, actor.Name);
        Record(CaseEventType.PostponementRequested, from, actor, nowUtc, text, detail: Code(RequestKind.Postponement), detailAtUtc: newDeadlineUtc);
    }

    /// <summary>缓办: the problem cannot be solved now (budget, season); the unit proposes when to look again, a leader decides.</summary>
    public void RequestDeferral(string reason, DateTime reviewAtUtc, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.RequestDeferral, nowUtc);
        CheckReviewDate(reviewAtUtc, nowUtc, "reviewAtUtc");
        var text = RequiredNote(reason, "reason");
        PendingRequest = new PendingRequest(RequestKind.Deferral, text, reviewAtUtc, nowUtc, actor.Name);
        Record(CaseEventType.DeferralRequested, from, actor, nowUtc, text, detail: Code(RequestKind.Deferral), detailAtUtc: reviewAtUtc);
    }

    /// <summary>The unit asks to hand the case to the next level.</summary>
    public void RequestEscalation(string reason, Actor actor, DateTime nowUtc) =>
        Request(CaseCommand.RequestEscalation, RequestKind.Escalation, CaseEventType.EscalationRequested, reason, actor, nowUtc);

    /// <summary>
    /// Grants the pending request: moves the deadline, defers the case, or escalates it. The approver may grant
    /// an earlier deadline than asked (<paramref name="grantedDeadlineUtc"/>, still later than the current one) or
    /// set another review date (<paramref name="grantedReviewAtUtc"/>); the event records the date granted.
    /// </summary>
    public void ApproveRequest(string? note, Actor actor, DateTime nowUtc, DeadlineRules rules, DateTime? grantedDeadlineUtc = null, DateTime? grantedReviewAtUtc = null)
    {
        var from = Guard(CaseCommand.ApproveRequest, nowUtc);
        var request = PendingRequest!;
        if (grantedDeadlineUtc is not null && request.Kind != RequestKind.Postponement)
            throw Invalid("GrantedDateNotApplicable", $"A granted deadline applies to a postponement, not to a {request.Kind} request.", "grantedDeadlineUtc");
        if (grantedReviewAtUtc is not null && request.Kind != RequestKind.Deferral)
            throw Invalid("GrantedDateNotApplicable", $"A review date applies to a deferral, not to a {request.Kind} request.", "grantedReviewAtUtc");
        var text = OptionalNote(note);
        switch (request.Kind)
        {
            case RequestKind.Postponement:
                var newDeadline = GrantedDeadline(request.RequestedDeadlineUtc!.Value, grantedDeadlineUtc);
                PendingRequest = null;
                Clock = Clock.Postponed(newDeadline);
                Record(CaseEventType.RequestApproved, from, actor, nowUtc, text, detail: Code(request.Kind), detailAtUtc: newDeadline);
                break;
            case RequestKind.Deferral:
                var reviewAt = grantedReviewAtUtc ?? request.RequestedDeadlineUtc
                    ?? throw Invalid("Required", "Set the date to review the deferral.", "grantedReviewAtUtc");
                CheckReviewDate(reviewAt, nowUtc, "grantedReviewAtUtc");
                PendingRequest = null;
                Clock = Clock.Deferred(nowUtc, reviewAt);
                Record(CaseEventType.RequestApproved, from, actor, nowUtc, text, detail: Code(request.Kind), detailAtUtc: reviewAt);
                break;
            default:
                PendingRequest = null;
                RiseOneLevel(from, actor, nowUtc, text ?? request.Reason, Code(request.Kind), rules);
                break;
        }
    }

    /// <summary>The deadline a postponement grants: the one asked for, or an earlier one the approver chose that still moves it.</summary>
    private DateTime GrantedDeadline(DateTime requested, DateTime? granted)
    {
        if (granted is not { } chosen) return requested;
        if (Clock.HandlingDeadlineUtc is { } current && chosen <= current)
            throw Invalid("GrantedDeadlineNotLater", $"The granted deadline must be later than the current one ({current:u}).", "grantedDeadlineUtc");
        if (chosen > requested)
            throw Invalid("GrantedLaterThanRequested", $"The granted deadline may shorten the request, not pass it ({requested:u}).", "grantedDeadlineUtc");
        return chosen;
    }

    /// <summary>恢复办理: a leader ends the deferral; the unit keeps the case and its handling limit runs afresh from now.</summary>
    public void ResumeDeferred(string? note, Actor actor, DateTime nowUtc, DeadlineRules rules)
    {
        var from = Guard(CaseCommand.ResumeDeferred, nowUtc);
        var text = OptionalNote(note);
        Clock = Clock.Resumed(nowUtc, rules);
        Record(CaseEventType.DeferralResumed, from, actor, nowUtc, text, detailAtUtc: Clock.HandlingDeadlineUtc);
    }

    /// <summary>延长挂账: a leader keeps the case deferred until a later review date.</summary>
    public void ExtendDeferral(DateTime reviewAtUtc, string? note, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.ExtendDeferral, nowUtc);
        if (Clock.ReviewAtUtc is { } current && reviewAtUtc <= current)
            throw Invalid("ReviewNotLater", $"The new review date must be later than the current one ({current:u}).", "reviewAtUtc");
        CheckReviewDate(reviewAtUtc, nowUtc, "reviewAtUtc");
        var text = OptionalNote(note);
        Clock = Clock.ReviewExtended(reviewAtUtc);
        Record(CaseEventType.DeferralExtended, from, actor, nowUtc, text, detailAtUtc: reviewAtUtc);
    }

    private static void CheckReviewDate(DateTime reviewAtUtc, DateTime nowUtc, string field)
    {
        if (reviewAtUtc <= nowUtc || reviewAtUtc - nowUtc > DeferralReviewHorizon)
            throw Invalid("ReviewDateOutOfRange", $"The review date must lie after now and at most {DeferralReviewHorizon.TotalDays:0} days ahead.", field);
    }

    public void RefuseRequest(string reason, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.RefuseRequest, nowUtc);
        var text = RequiredNote(reason, "reason");
        var kind = PendingRequest!.Kind;
        PendingRequest = null;
        Record(CaseEventType.RequestRefused, from, actor, nowUtc, text, detail: Code(kind));
    }

    /// <summary>
    /// 核查: pass moves to evaluation, or closes at once a case nobody can rate (<see cref="RatingRules.HasRater"/>),
    /// with no rating, so no 默认满意 stands for a judgement nobody could give; fail sends it back for rework (返工).
    /// </summary>
    public void Verify(bool passed, string? note, Actor actor, DateTime nowUtc, DeadlineRules rules)
    {
        var from = Guard(CaseCommand.Verify, nowUtc);
        if (passed)
        {
            var text = OptionalNote(note);
            VerifiedAtUtc = nowUtc;
            EvaluationEndsAtUtc = nowUtc + rules.Street.EvaluationWindowFor(Channel);
            State = CaseState.PendingEvaluation;
            Record(CaseEventType.VerificationPassed, from, actor, nowUtc, text);
            if (!RatingRules.HasRater(Channel))
            {
                Close(nowUtc);
                Record(CaseEventType.ClosedWithoutRating, CaseState.PendingEvaluation, actor, nowUtc, null, detail: Code(Channel));
            }
        }
        else
        {
            var text = RequiredNote(note, "note");
            var reopened = Rework(nowUtc, rules);
            Record(CaseEventType.VerificationFailed, from, actor, nowUtc, text);
            RecordPartsReopened(reopened, actor, nowUtc);
        }
    }

    /// <summary>
    /// The reporter's rating, or a revisit call (回访) that records it. 不满意 reopens the case, at most
    /// the street's <see cref="StreetRules.UnsatisfiedReopeningsBeforeDecision"/> times; the next one stays as the rating and the
    /// case waits for a street leader's <see cref="DecideClose"/>.
    /// </summary>
    public void Rate(Rating rating, string? comment, RatingSource source, Actor actor, DateTime nowUtc, DeadlineRules rules)
    {
        var from = Guard(CaseCommand.Rate, nowUtc);
        RatingRules.Check(rating, source);
        var text = PlainText.Optional(comment, "comment", MaxNoteLength);
        Rating = rating;
        RatingSource = source;
        RatingComment = text;
        List<CasePart> reopened = [];
        if (rating != Cases.Rating.Unsatisfied)
            Close(nowUtc);
        else if (UnsatisfiedReopenings < rules.Street.UnsatisfiedReopeningsBeforeDecision)
        {
            UnsatisfiedReopenings++;
            reopened = Rework(nowUtc, rules);
        }
        else
            AwaitsCloseDecision = true;
        var type = source == Cases.RatingSource.Revisit ? CaseEventType.RevisitRecorded : CaseEventType.Rated;
        Record(type, from, actor, nowUtc, text, detail: RatingRecords.Detail(rating));
        RecordPartsReopened(reopened, actor, nowUtc);
    }

    /// <summary>Nobody rated, and no revisit call was recorded, by <see cref="EvaluationDeadlineUtc"/>: closes as 默认满意 and says so.</summary>
    public void AutoClose(Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.AutoClose, nowUtc);
        Rating = Cases.Rating.DefaultSatisfied;
        RatingSource = Cases.RatingSource.Automatic;
        Close(nowUtc);
        Record(CaseEventType.AutoClosed, from, actor, nowUtc, null, detail: RatingRecords.Detail(Cases.Rating.DefaultSatisfied));
    }

    /// <summary>
    /// 审定结案: after more 不满意 than may reopen the case, a street leader closes it, saying why; the
    /// reason is shown to the reporter, and the 不满意 stays the case's rating.
    /// </summary>
    public void DecideClose(string reason, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.DecideClose, nowUtc);
        var text = RequiredNote(reason, "reason");
        AwaitsCloseDecision = false;
        Close(nowUtc);
        Record(CaseEventType.ClosedByDecision, from, actor, nowUtc, text, detail: Rating is { } rating ? RatingRecords.Detail(rating) : null);
    }

    /// <summary>
    /// 督办: the command center urges the unit and says what it wants by when (by default within
    /// <see cref="Supervision.DefaultReplyWithin"/>); the case stays where it is. A second 督办 while one
    /// is open replaces it with its own note and deadline, and counts.
    /// </summary>
    public void Supervise(string note, DateTime? replyDueUtc, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.Supervise, nowUtc);
        var text = RequiredNote(note, "note");
        var due = replyDueUtc ?? nowUtc + Supervision.DefaultReplyWithin;
        if (due <= nowUtc || due - nowUtc > Supervision.LongestReplyWithin)
            throw Invalid("ReplyDueOutOfRange",
                $"The reply deadline must lie after now and at most {Supervision.LongestReplyWithin.TotalDays:0} days ahead.", "replyDueUtc");
        OpenSupervision(from, actor, nowUtc, text, due, null);
    }

    /// <summary>督办回复: the holding unit answers the open 督办, which ends it; the case shows the answer until it leaves the unit.</summary>
    public void AnswerSupervision(string answer, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.AnswerSupervision, nowUtc);
        var text = RequiredNote(answer, "answer");
        Supervision = Supervision! with { AnsweredAtUtc = nowUtc, AnsweredBy = actor.Name, Answer = text };
        IsSupervised = false;
        Record(CaseEventType.SupervisionAnswered, from, actor, nowUtc, text);
    }

    private void OpenSupervision(CaseState from, Actor actor, DateTime nowUtc, string? note, DateTime replyDueUtc, AutoSupervision? automatic)
    {
        Supervision = new Supervision(nowUtc, actor.Name, note, replyDueUtc, automatic);
        IsSupervised = true;
        SupervisionCount++;
        Record(CaseEventType.Supervised, from, actor, nowUtc, note, unitId: CurrentUnitId,
            detail: automatic is { } why ? Code(why) : null, detailAtUtc: replyDueUtc);
    }

    /// <summary>The timer 督办s a case that went overdue, when the dispatch's policy says so and none is open.</summary>
    private void SuperviseOnOverdue(CaseState from, Actor timer, DateTime nowUtc, AutoSupervision why)
    {
        if (Clock.AutoSuperviseOnOverdue && !IsSupervised)
            OpenSupervision(from, timer, nowUtc, null, nowUtc + Supervision.DefaultReplyWithin, why);
    }

    /// <summary>The 督办 ends unanswered or answered: the case left its unit, or the work is done.</summary>
    private void EndSupervision()
    {
        Supervision = null;
        IsSupervised = false;
    }

    /// <summary>升级 by hand (timers use the same rule): level +1, back to dispatch.</summary>
    public void Escalate(string reason, Actor actor, DateTime nowUtc, DeadlineRules rules)
    {
        var from = Guard(CaseCommand.Escalate, nowUtc);
        RiseOneLevel(from, actor, nowUtc, RequiredNote(reason, "reason"), null, rules);
    }

    /// <summary>
    /// Closes a co-handling department's part of a cross-agency ticket: by its own liaison, or by the
    /// dispatch desk on its behalf, which must give <paramref name="reason"/> (the event's note).
    /// Never by another unit that holds a part of the case: each department answers for its own share.
    /// </summary>
    public void ClosePart(UnitId unitId, string result, Actor actor, DateTime nowUtc, string? reason = null)
    {
        var from = Guard(CaseCommand.ClosePart, nowUtc);
        var part = OpenPartOf(unitId, "closed");
        var onBehalf = NotByItsOwnUnit(CaseCommand.ClosePart, part, actor, "close");
        var text = RequiredNote(result, "result");
        var why = onBehalf ? RequiredNote(reason, "reason") : null;
        part.Close(text, nowUtc, actor.Name);
        KeepPartRecord(part, HandlingOutcome.Done, nowUtc);
        Record(CaseEventType.PartClosed, from, actor, nowUtc, why ?? text, unitId: unitId, detail: onBehalf ? Code(PartClosure.OnBehalf) : null);
    }

    /// <summary>签收 of a co-handler's part: the unit takes its share; the part's handling clock starts.</summary>
    public void SignPart(UnitId unitId, Actor actor, DateTime nowUtc, DeadlineRules rules)
    {
        var from = Guard(CaseCommand.SignPart, nowUtc);
        var part = OpenPartOf(unitId, "signed");
        if (part.IsSigned)
            throw Invalid("PartAlreadySigned", $"Unit {unitId}'s part of case {Number} is already signed.", "unitId");
        part.Sign(nowUtc, rules);
        Record(CaseEventType.PartSigned, from, actor, nowUtc, null, unitId: unitId, detailAtUtc: part.Clock.HandlingDeadlineUtc);
    }

    /// <summary>A co-handler's progress note, with photos, on the part it signed.</summary>
    public void AddPartProgress(UnitId unitId, string note, IReadOnlyCollection<Attachment>? attachments, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.AddPartProgress, nowUtc);
        var part = OpenPartOf(unitId, "worked on");
        if (!part.IsSigned)
            throw Invalid("PartNotSigned", $"Unit {unitId} must sign its part of case {Number} before reporting progress.", "unitId");
        ValidateAttachments(attachments);
        var text = RequiredNote(note, "note");
        Record(CaseEventType.PartProgressNoted, from, actor, nowUtc, text, attachments, unitId: unitId);
    }

    /// <summary>
    /// 退回: a co-handler gives its part back with a reason (or the desk does on its behalf). The part is
    /// released: it no longer holds back 办结, its record is kept, and the lead or the desk may assign another unit.
    /// </summary>
    public void ReturnPart(UnitId unitId, string reason, Actor actor, DateTime nowUtc)
    {
        var from = Guard(CaseCommand.ReturnPart, nowUtc);
        var part = OpenPartOf(unitId, "returned");
        NotByItsOwnUnit(CaseCommand.ReturnPart, part, actor, "return");
        var text = RequiredNote(reason, "reason");
        part.Return(text, nowUtc, actor.Name);
        KeepPartRecord(part, HandlingOutcome.Returned, nowUtc);
        Record(CaseEventType.PartReturned, from, actor, nowUtc, text, unitId: unitId);
    }

    /// <summary>Asks another unit to co-handle a running cross-agency ticket, typically after a 退回; its part's clock starts now.</summary>
    public void AssignPart(HandlingUnit unit, DeadlineRules rules, Actor actor, DateTime nowUtc, string? note = null)
    {
        var from = Guard(CaseCommand.AssignPart, nowUtc);
        CheckCoHandlersJoinHere();
        if (!MayCoHandle(unit) || unit.Id == CurrentUnitId || _parts.Any(p => p.UnitId == unit.Id && p.IsOpen))
            throw Invalid("InvalidCoHandlers", $"{unit.Name} cannot co-handle: co-handlers are street offices or district departments without an open part here.", "unitId");
        var text = OptionalNote(note);
        _parts.Add(new CasePart(unit.Id, PartRole.CoHandler, isRequired: true,
            CaseClock.Dispatched(rules.Policies.Resolve(CategoryCode, Urgency, Level), rules, nowUtc)));
        Record(CaseEventType.PartAssigned, from, actor, nowUtc, text, unitId: unit.Id);
    }

    /// <summary>
    /// Co-handlers join street- and district-level cases only. A courtyard or community case is a small matter
    /// for one unit that knows the place (小事不出院落, 中事不出社区); when it needs more, it rises a level.
    /// </summary>
    private void CheckCoHandlersJoinHere()
    {
        if (Level < HandlingLevel.Street)
            throw Invalid("CoHandlersNotBelowStreet", "Co-handlers join only street- and district-level cases.", "coHandlerUnitIds");
    }

    /// <summary>Street offices and district departments co-handle, at street or district level alike.</summary>
    private static bool MayCoHandle(HandlingUnit unit) => unit.Kind is UnitKind.StreetOffice or UnitKind.DistrictDepartment;

    /// <summary>The open co-handler part of <paramref name="unitId"/>, or the reason there is none.</summary>
    private CasePart OpenPartOf(UnitId unitId, string verb)
    {
        var parts = _parts.Where(p => p.UnitId == unitId && p.Role == PartRole.CoHandler).ToList();
        if (parts.Count == 0)
            throw Invalid("NoSuchPart", $"Unit {unitId} has no co-handling part in case {Number}.", "unitId");
        if (parts.SingleOrDefault(p => p.IsOpen) is { } open) return open;
        if (parts[^1].IsReturned)
            throw Invalid("PartReturned", $"Unit {unitId} returned its part of case {Number}; it cannot be {verb} any more.", "unitId");
        throw Invalid("PartAlreadyClosed", $"Unit {unitId}'s part of case {Number} is already closed.", "unitId");
    }

    /// <summary>
    /// Whether another than the part's own unit acts on it. Never another unit that holds a part of the case:
    /// each unit answers for its own share; only the desk acts on a unit's behalf.
    /// </summary>
    private bool NotByItsOwnUnit(CaseCommand command, CasePart part, Actor actor, string verb)
    {
        var onBehalf = actor.UnitId != part.UnitId;
        if (onBehalf && _parts.Any(p => p.UnitId == actor.UnitId))
            throw new CaseCommandRejectedException(command, State, Number,
                new("OtherUnitsPart", $"unit {actor.UnitId} holds its own part of this case and cannot {verb} unit {part.UnitId}'s"));
        return onBehalf;
    }

    private void KeepPartRecord(CasePart part, HandlingOutcome outcome, DateTime nowUtc) =>
        _handling.Add(new HandlingRecord(part.UnitId, Level, part.Clock, outcome, nowUtc, PartRole.CoHandler));

    /// <summary>
    /// Fires every timer that is due at <paramref name="nowUtc"/>, earliest first: the warning
    /// (催办), a missed sign-for (a reminder at the limit; at twice the limit back to dispatch or
    /// one level up, as the dispatch's policy chose), the handling limit (escalation one level up, or at district
    /// level the red overdue mark), an unanswered 督办's reply deadline, and the end of the evaluation
    /// window (默认满意). Going overdue (district handling limit, or a sign-for limit the policy only
    /// reminds of) also 督办s the case when the dispatch's policy says so and none is open. Each fires
    /// once: it leaves a mark that takes it out of <see cref="NextTimerAtUtc"/>. Returns how
    /// many fired; zero when nothing was due (a sweep that looked a moment too early, or a case
    /// that changed since it was read).
    /// </summary>
    public int FireDueTimers(DateTime nowUtc, Actor timer, DeadlineRules rules)
    {
        var fired = 0;
        while (NextTimerAtUtc is { } due && due <= nowUtc)
        {
            FireNextTimer(nowUtc, timer, rules);
            fired++;
        }
        return fired;
    }

    /// <summary>Fires the earliest due timer: the clock's own first, then an unanswered 督办's reply deadline, then the end of the evaluation window.</summary>
    private void FireNextTimer(DateTime nowUtc, Actor timer, DeadlineRules rules)
    {
        var from = State;
        switch (Clock.DueTimer(State, nowUtc))
        {
            case CaseTimer.SignFor:
                Clock = Clock.Fired(CaseTimer.SignFor, nowUtc);
                Record(CaseEventType.SignOverdue, from, timer, nowUtc, null);
                if (Clock.SignForLapse == SignForLapse.Remind) SuperviseOnOverdue(from, timer, nowUtc, AutoSupervision.SignForOverdue);
                break;
            case CaseTimer.SignLapse when Clock.SignForLapse == SignForLapse.Escalate && Level.CanRise():
                RiseOneLevel(from, timer, nowUtc, null, null, rules);
                break;
            case CaseTimer.SignLapse:
                ReturnUnsigned(from, timer, nowUtc, rules);
                break;
            case CaseTimer.Warning:
                Clock = Clock.Fired(CaseTimer.Warning, nowUtc);
                Record(CaseEventType.Warned, from, timer, nowUtc, null);
                break;
            case CaseTimer.Handling when Level.CanRise():
                // Marked first, so the unit's handling record says it rose for lateness.
                Clock = Clock.Fired(CaseTimer.Handling, nowUtc);
                RiseOneLevel(from, timer, nowUtc, null, null, rules);
                break;
            case CaseTimer.Handling:
                Clock = Clock.Fired(CaseTimer.Handling, nowUtc);
                Record(CaseEventType.Overdue, from, timer, nowUtc, null);
                SuperviseOnOverdue(from, timer, nowUtc, AutoSupervision.HandlingOverdue);
                break;
            case CaseTimer.DeferralReview:
                Clock = Clock.Fired(CaseTimer.DeferralReview, nowUtc);
                Record(CaseEventType.DeferralReviewDue, from, timer, nowUtc, null, detailAtUtc: Clock.ReviewAtUtc);
                break;
            case null when Wait.DueAt(State) <= nowUtc:
                Wait = Wait.Fired(nowUtc);
                Record(WaitOverdueEvents[State], from, timer, nowUtc, null);
                break;
            case null when Supervision?.ReplyTimerDueUtc <= nowUtc:
                Supervision = Supervision! with { OverdueAtUtc = nowUtc };
                Record(CaseEventType.SupervisionOverdue, from, timer, nowUtc, null);
                break;
            case null when PartsWithTimers().FirstOrDefault(p => p.DueTimer(nowUtc) is not null) is { } part:
                var due = part.DueTimer(nowUtc)!.Value;
                part.Fire(due, nowUtc);
                Record(PartTimerEvents[due], from, timer, nowUtc, null, unitId: part.UnitId);
                break;
            default:
                AutoClose(timer, nowUtc);
                break;
        }
    }

    /// <summary>When the rating window of the latest verification ends; null before verification.</summary>
    public DateTime? EvaluationDeadlineUtc => EvaluationEndsAtUtc ?? VerifiedAtUtc + StreetRules.DefaultEvaluationWindow;

    /// <summary>When the evaluation window closes as 默认满意; null when the case does not wait for a rating.</summary>
    private DateTime? EvaluationTimerDueUtc() =>
        State == CaseState.PendingEvaluation && !AwaitsCloseDecision ? EvaluationDeadlineUtc : null;

    private DateTime? NextTimer() =>
        new[] { Clock.NextDueAt(State), Wait.DueAt(State), Supervision?.ReplyTimerDueUtc, EvaluationTimerDueUtc() }
            .Concat(PartsWithTimers().Select(p => p.NextTimerAtUtc)).Min();

    /// <summary>The parts whose clocks run: only while the case itself is with its units.</summary>
    private IEnumerable<CasePart> PartsWithTimers() =>
        State is CaseState.Dispatched or CaseState.InProgress ? _parts : [];

    private static readonly Dictionary<CaseTimer, CaseEventType> PartTimerEvents = new()
    {
        [CaseTimer.SignFor] = CaseEventType.PartSignOverdue,
        [CaseTimer.Warning] = CaseEventType.PartWarned,
        [CaseTimer.Handling] = CaseEventType.PartOverdue,
    };

    /// <summary>The event a waiting stage's timer records when the street let the case wait too long there.</summary>
    private static readonly Dictionary<CaseState, CaseEventType> WaitOverdueEvents = new()
    {
        [CaseState.Reported] = CaseEventType.AcceptanceOverdue,
        [CaseState.PendingDispatch] = CaseEventType.DispatchOverdue,
        [CaseState.PendingVerification] = CaseEventType.VerificationOverdue,
    };

    /// <summary>Starts the clock of the stage the case now waits in, with the limit its policy sets there at its current level.</summary>
    private void StartWaiting(DeadlineRules rules, DateTime nowUtc) =>
        Wait = WaitClock.Start(State, rules.Policies.Resolve(CategoryCode, Urgency, Level), rules, nowUtc);

    private void Request(CaseCommand command, RequestKind kind, CaseEventType type, string reason, Actor actor, DateTime nowUtc)
    {
        var from = Guard(command, nowUtc);
        var text = RequiredNote(reason, "reason");
        PendingRequest = new PendingRequest(kind, text, null, nowUtc, actor.Name);
        Record(type, from, actor, nowUtc, text);
    }

    /// <param name="detail">Why it rose when not by hand or timer: the approved escalation request.</param>
    private void RiseOneLevel(CaseState from, Actor actor, DateTime nowUtc, string? note, string? detail, DeadlineRules rules)
    {
        var unit = CurrentUnitId;
        detail ??= Withdrawn();
        LeaveUnit(HandlingOutcome.Escalated, nowUtc);
        Level = Level.Next();
        EscalationCount++;
        ReturnsAtLevel = 0;
        PendingRequest = null;
        State = CaseState.PendingDispatch;
        StartWaiting(rules, nowUtc);
        Record(CaseEventType.Escalated, from, actor, nowUtc, note, unitId: unit, detail: detail);
    }

    /// <summary>Says on the timeline that a request nobody decided no longer applies.</summary>
    private string? Withdrawn() => PendingRequest is { } request ? $"Withdrawn.{request.Kind}" : null;

    /// <summary>A timeline detail code: "{Enum}.{Name}", the key screens translate.</summary>
    private static string Code<T>(T value) where T : struct, Enum => $"{typeof(T).Name}.{value}";

    /// <summary>The unit lets go of the case: its handling record is kept, then no deadline runs until the next dispatch.</summary>
    private void LeaveUnit(HandlingOutcome outcome, DateTime nowUtc)
    {
        KeepHandlingRecord(outcome, nowUtc);
        foreach (var part in _parts.Where(p => p.Role == PartRole.CoHandler && p.IsOpen))
            KeepPartRecord(part, HandlingOutcome.Withdrawn, nowUtc);
        CurrentUnitId = null;
        EndSupervision();
        Clock = Clock.Released();
        _parts.Clear();
    }

    /// <summary>Appends the current unit's record of this round; nothing when no unit holds the case (an escalation from the dispatch queue).</summary>
    private void KeepHandlingRecord(HandlingOutcome outcome, DateTime nowUtc)
    {
        if (CurrentUnitId is { } unit) _handling.Add(new HandlingRecord(unit, Level, Clock, outcome, nowUtc));
    }

    /// <summary>返工: a new round for the unit, and for every required part that was closed; returns those parts.</summary>
    private List<CasePart> Rework(DateTime nowUtc, DeadlineRules rules)
    {
        ReworkCount++;
        DoneAtUtc = null;
        VerifiedAtUtc = null;
        EvaluationEndsAtUtc = null;
        Clock = Clock.Reworked(nowUtc, rules);
        State = CaseState.InProgress;
        var reopened = _parts.Where(p => p.IsRequired && p.IsClosed).ToList();
        foreach (var part in reopened) part.Reopen(nowUtc, rules);
        return reopened;
    }

    /// <summary>Says on the timeline which co-handlers' parts rework reopened, after the event that reopened them.</summary>
    private void RecordPartsReopened(IEnumerable<CasePart> reopened, Actor actor, DateTime nowUtc)
    {
        foreach (var part in reopened.Where(p => p.Role == PartRole.CoHandler))
            Record(CaseEventType.PartReopened, State, actor, nowUtc, null, unitId: part.UnitId, detailAtUtc: part.Clock.HandlingDeadlineUtc);
    }

    private void Close(DateTime nowUtc)
    {
        ClosedAtUtc = nowUtc;
        EndSupervision();
        State = CaseState.Closed;
    }

    private IEnumerable<CasePart> OpenRequiredParts() =>
        _parts.Where(p => p.IsRequired && p.IsOpen && p.Role == PartRole.CoHandler);

    private CaseState Guard(CaseCommand command, DateTime nowUtc)
    {
        if (WhyNot(command, nowUtc) is { } refusal)
            throw new CaseCommandRejectedException(command, State, Number, refusal);
        return State;
    }

    private void Record(
        CaseEventType type, CaseState? from, Actor actor, DateTime nowUtc, string? note,
        IReadOnlyCollection<Attachment>? attachments = null, UnitId? unitId = null, string? detail = null, DateTime? detailAtUtc = null)
    {
        EventCount++;
        Version++;
        LastChangedAtUtc = nowUtc;
        if (Wait.Stage != State) Wait = WaitClock.None;
        NextTimerAtUtc = NextTimer();
        _timeline.Add(new TimelineEvent(
            EventCount, type, nowUtc, actor, from, State, Level, unitId ?? CurrentUnitId, note, attachments, detail, detailAtUtc));
    }

    private static void ValidateAttachments(IReadOnlyCollection<Attachment>? attachments)
    {
        if (attachments is { Count: > MaxAttachments })
            throw Invalid("TooManyAttachments", $"At most {MaxAttachments} attachments per event.", "attachments");
    }

    private static string RequiredNote(string? text, string field) => PlainText.Required(text, field, MaxNoteLength);

    private static string? OptionalNote(string? text) => PlainText.Optional(text, "note", MaxNoteLength);

    private static DomainValidationException Invalid(string code, string message, string field) => new(code, message, field);
}
