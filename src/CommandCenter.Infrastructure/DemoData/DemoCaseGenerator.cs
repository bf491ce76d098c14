using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using static CommandCenter.Infrastructure.DemoData.DemoCaseTexts;

namespace CommandCenter.Infrastructure.DemoData;

/// <summary>
/// Generates a history of cases for a <see cref="DemoStreet"/> by driving the real <see cref="Case"/>
/// commands, so every case went through the lifecycle the product enforces. Deterministic for a
/// given seed except for the case ids, which the domain draws itself.
/// </summary>
public static class DemoCaseGenerator
{
    /// <summary>How far back the history reaches.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    /// <summary>
    /// A resident as the public pages record one: reporting by QR code, and rating through the tracking
    /// page — a hotline caller reaches it by the link the confirmation SMS carries.
    /// </summary>
    public static readonly Actor Resident = Post.Resident(ActSource.Public).Actor;
    /// <summary>Another system feeding the API: no person, so the system's role, named after the platform.</summary>
    public static readonly Actor ExternalPlatform = Actor.System(ActSource.Api) with { Name = "数字城管平台" };
    public static readonly Actor Timer = Actor.System(ActSource.Timer);

    /// <summary>
    /// <paramref name="count"/> cases reported over the <paramref name="window"/> (default <see cref="Window"/>) before <paramref name="nowUtc"/>,
    /// in report order, lazily. Every command happens after the previous one of its case and no later than
    /// <paramref name="nowUtc"/>. <paramref name="nextNumber"/> is asked for each case's number at its report time.
    /// A report about a lift, fire equipment or rubbish names one of its courtyard's <paramref name="facilities"/> of that kind at
    /// times (<see cref="FacilityProblems"/>), drawn from a random stream of its own, so the rest of the history is the same with or
    /// without the archive.
    /// </summary>
    public static IEnumerable<Case> Generate(
        DemoStreet street, int count, DateTime nowUtc, int seed, Func<DateTime, string> nextNumber, TimeSpan? window = null,
        DeadlineRules? rules = null, IReadOnlyCollection<Facility>? facilities = null)
    {
        ArgumentNullException.ThrowIfNull(street);
        ArgumentNullException.ThrowIfNull(nextNumber);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (nowUtc.Kind == DateTimeKind.Local)
            throw new ArgumentException("Pass a UTC time.", nameof(nowUtc));
        return new Run(street, DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), seed, nextNumber, rules ?? DeadlineRules.Default, facilities ?? [])
            .Cases(count, window ?? Window);
    }

    /// <summary>
    /// The problems that are about a facility, its kind, and the share of their reports that name one: a stuck lift nearly always
    /// (the caller says which), damaged fire equipment mostly, rubbish now and then the collection point it piles up at. No
    /// problem of the list is about a camera.
    /// </summary>
    private static readonly Dictionary<string, (FacilityKind Kind, double Share)> FacilityProblems = new(StringComparer.Ordinal)
    {
        ["0301"] = (FacilityKind.Lift, 0.85),
        ["0504"] = (FacilityKind.FireEquipment, 0.7),
        ["0101"] = (FacilityKind.Bin, 0.3),
        ["0103"] = (FacilityKind.Bin, 0.5),
    };

    /// <summary>The actor a staff member appears as on the timeline: desk roles at the console, field roles on the phone.</summary>
    /// <summary>The staff member as the one who acts: named, and with their id, so a person's figures count what they did.</summary>
    public static Actor ActorFor(Staff staff) => new(staff.Name, staff.Role, staff.UnitId, staff.Role switch
    {
        AccessRole.GridWorker or AccessRole.MicroGridMember or AccessRole.PropertyStaff => ActSource.Phone,
        _ => ActSource.Console,
    }, staff.Id);

    private sealed record ItemPlan(
        Category Category, double Weight, bool Indoor, bool Hazard, string[] Problems, string[] Results,
        HandlingUnit StreetOffice, HandlingUnit DistrictLead, HandlingUnit[] CoHandlers);

    private sealed record CourtyardPlan(
        Courtyard Courtyard, double Weight, Building[] Buildings, Actor[] GridWorkers, Actor[] MicroGridMembers,
        HandlingUnit[][] ServingByLevel);

    /// <summary>Spreads report times over the window following the local (China) hour of day.</summary>
    private sealed class ReportClock
    {
        // Relative intake per local hour 0–23: quiet at night, peaks mid-morning and mid-afternoon.
        private static readonly double[] HourWeights =
        [
            0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.2, 3.0, 3.2, 2.8,
            1.8, 1.6, 2.6, 2.9, 2.8, 2.4, 1.7, 1.6, 1.5, 1.2, 0.8, 0.4,
        ];

        private readonly DateTime _start;
        private readonly double[] _cumulative;
        private int _hour;

        public ReportClock(DateTime start, int hours)
        {
            _start = start;
            _cumulative = new double[hours + 1];
            for (var h = 0; h < hours; h++)
                _cumulative[h + 1] = _cumulative[h] + HourWeights[(start.AddHours(h) + ChinaTime.Offset).Hour];
        }

        /// <summary>The time at <paramref name="share"/> (0 ≤ share &lt; 1) of the weighted window; calls must not decrease.</summary>
        public DateTime At(double share)
        {
            var target = share * _cumulative[^1];
            while (_hour < _cumulative.Length - 2 && _cumulative[_hour + 1] <= target) _hour++;
            var within = (target - _cumulative[_hour]) / (_cumulative[_hour + 1] - _cumulative[_hour]);
            return _start.AddHours(_hour + Math.Min(within, 1));
        }
    }

    private sealed class Run
    {
        private const double MergeShare = 0.02;
        private const double RejectShare = 0.025;
        /// <summary>Every so many reports one is left stuck in an open state (round robin over them), so each appears.</summary>
        private const int BacklogEvery = 30;
        /// <summary>
        /// Histories this long show the scripted cases every screen should have on first start (issue 13): two
        /// street-led cross-agency tickets, one with a part nobody signed and one with a returned part, and a missed sign-for.
        /// </summary>
        private const int ShowcaseFrom = 100;
        private static readonly TimeSpan ReturnedPartAge = TimeSpan.FromHours(60);
        private static readonly TimeSpan MissedSignForAge = TimeSpan.FromHours(48);
        private static readonly TimeSpan UnsignedPartAge = TimeSpan.FromHours(36);
        private const string ReturnedPartReason = "河堤护栏不属于本科室职责，建议由区水利部门协办";
        private const string MissedSignForReason = "社区居委会超时未签收，升级街道处置";
        private const double RaiseOnAcceptShare = 0.03;
        private const double CoHandlingShare = 0.5;
        private const double ProgressShare = 0.45;
        private const double EscalationRequestShare = 0.03;
        private const double PostponementShare = 0.04;
        private const double DeferralShare = 0.012;
        /// <summary>Of the approved deferrals, those a leader resumes or extends before the work is done.</summary>
        private const double DeferralResumedShare = 0.4;
        private const double DeferralExtendedShare = 0.2;
        private const double SupervisionShare = 0.12;
        private const double OverdueSupervisionShare = 0.7;
        private const double SupervisionAnsweredShare = 0.6;
        /// <summary>Of the answered 督办, those answered after the reply was due (the work then ends later, maybe past its limit).</summary>
        private const double LateAnswerShare = 0.3;
        /// <summary>Of the co-handlers' parts of a case not escalating, those closed after the part's own limit.</summary>
        private const double LatePartShare = 0.15;
        private const double VerificationFailShare = 0.06;
        /// <summary>
        /// Of the cases waiting at each stage, those whose limit runs out before anyone acts: the desk busy at a peak, a unit
        /// slow to sign, a check put off. The timer marks them as it marks real ones; the act follows later.
        /// </summary>
        private const double AcceptanceLateShare = 0.04;
        private const double DispatchLateShare = 0.06;
        private const double SignLateShare = 0.07;
        private const double VerificationLateShare = 0.08;

        // Indexed by level − 1.
        private static readonly double[] ReturnShare = [0.03, 0.05, 0.08, 0.10];
        private static readonly double[] LateShare = [0.04, 0.06, 0.08, 0.12];

        // Share of reports, and for the evaluation: how often the reporter rates, how often a revisit call records it
        // (the rest close as 默认满意 after the evaluation window). Cases of a channel nobody rates close at verification.
        private static readonly (Channel Channel, double Share, double Rated, double Revisited)[] Channels =
        [
            (Channel.ResidentQr, 0.35, 0.65, 0.15),
            (Channel.GridPatrol, 0.30, 0.00, 0.00),
            (Channel.Hotline, 0.25, 0.40, 0.45),
            (Channel.ExternalSystem, 0.06, 0.00, 0.00),
            (Channel.Dispatcher, 0.04, 0.00, 0.00),
        ];

        private static readonly CaseState[] BacklogStates =
        [
            CaseState.Reported, CaseState.PendingDispatch, CaseState.Dispatched,
            CaseState.InProgress, CaseState.PendingVerification, CaseState.PendingEvaluation,
        ];

        private readonly DateTime _now;
        private readonly Random _random;
        private readonly Random _facilityRandom;
        private readonly ILookup<(CourtyardId, FacilityKind), Facility> _facilities;
        private readonly Func<DateTime, string> _nextNumber;
        private readonly StreetId _streetId;
        private readonly ItemPlan[] _items;
        private readonly double[] _itemWeights;
        private readonly CourtyardPlan[] _courtyards;
        private readonly double[] _courtyardWeights;
        private readonly double[] _channelWeights;
        private readonly DeadlineRules _rules;
        private readonly Actor[] _dispatchers;
        private readonly Actor[] _leaders;
        private readonly Actor[][] _unitActors;
        private readonly HandlingUnit[] _streetOffices;
        private readonly HandlingUnit[] _departments;
        private readonly Queue<(TimeSpan Age, Action Play)> _showcases;
        private int _backlogCount;

        // The case being played and its clock.
        private Case _case = null!;
        private DateTime _t;
        private CaseState? _stop;
        private ItemPlan _item = null!;
        private CourtyardPlan _courtyard = null!;
        private int _channel;
        private Actor? _rater;
        /// <summary>The staff member who signed for the case and works it.</summary>
        private Actor _handler = null!;

        public Run(DemoStreet street, DateTime nowUtc, int seed, Func<DateTime, string> nextNumber, DeadlineRules rules, IReadOnlyCollection<Facility> facilities)
        {
            _rules = rules;
            _now = nowUtc;
            _random = new Random(seed);
            _facilityRandom = new Random(~seed);
            _facilities = facilities.Where(f => f.RetiredAtUtc is null).ToLookup(f => (f.CourtyardId, f.Kind));
            _nextNumber = nextNumber;
            _streetId = street.Street.Id;

            var texts = Items.ToDictionary(t => t.Code);
            _items = [.. street.CategoryItems.Select(category =>
            {
                var route = street.RouteOf(category);
                var (_, weight, indoor, hazard, problems, results) = texts.TryGetValue(category.Code, out var text)
                    ? text
                    : (category.Code, 1, false, false, [$"反映{category.Name}问题"], ["已处置完毕"]);
                return new ItemPlan(
                    category, weight, indoor, hazard, problems, results,
                    route.StreetOffice, route.DistrictLead, [.. route.DistrictCoHandlers.Where(u => u.Id != route.DistrictLead.Id)]);
            })];
            _itemWeights = Cumulative(_items.Select(i => i.Weight));

            var staff = street.Staff;
            _courtyards = [.. street.Courtyards.Select(c => new CourtyardPlan(
                c,
                c.Homes * c.Kind switch
                {
                    CourtyardKind.Old => 1.4,
                    CourtyardKind.Abandoned => 2.0,
                    CourtyardKind.Commercial => 0.7,
                    _ => 1.1,
                },
                [.. street.BuildingsOf(c)],
                NonEmpty(staff.Where(s => s.Role == AccessRole.GridWorker && s.GridId == c.GridId), $"grid worker for {c.Name}"),
                NonEmpty(staff.Where(s => s.Role == AccessRole.MicroGridMember && s.GridId == c.GridId), $"micro-grid member for {c.Name}"),
                [.. Enum.GetValues<HandlingLevel>().Select(level => street.UnitsServing(level, c).ToArray())]))];
            _courtyardWeights = Cumulative(_courtyards.Select(c => c.Weight));
            _channelWeights = Cumulative(Channels.Select(c => c.Share));

            _dispatchers = NonEmpty(street.StaffWithRole(AccessRole.Dispatcher), "dispatcher");
            _leaders = NonEmpty(street.StaffWithRole(AccessRole.StreetLeader), "street leader");
            _unitActors = [.. street.Units.Select(u => NonEmpty(street.StaffOfUnit(u), $"staff member of {u.Name}"))];
            _streetOffices = [.. street.Units.Where(u => u.Kind == UnitKind.StreetOffice)];
            _departments = [.. street.Units.Where(u => u.Kind == UnitKind.DistrictDepartment)];
            // Oldest first, so each is reported in its place in report order.
            _showcases = new([(ReturnedPartAge, PlayReturnedPart), (MissedSignForAge, PlayMissedSignFor), (UnsignedPartAge, PlayUnsignedPart)]);
        }

        public IEnumerable<Case> Cases(int count, TimeSpan window)
        {
            var clock = new ReportClock(_now - window, (int)window.TotalHours);
            for (var i = 0; i < count; i++)
            {
                var reportedAt = clock.At((i + _random.NextDouble()) / count);
                var courtyard = _courtyards[PickIndex(_courtyardWeights)];
                var item = _items[PickIndex(_itemWeights)];
                if (count >= ShowcaseFrom && _showcases.TryPeek(out var showcase) && reportedAt >= _now - showcase.Age)
                {
                    // Reported at its age, which lies between the previous report and this one.
                    Start(_now - showcase.Age, courtyard, item, stop: null, Urgency.Normal);
                    _showcases.Dequeue().Play();
                    yield return _case;
                    continue;
                }
                if (i % BacklogEvery == BacklogEvery / 2)
                {
                    Start(reportedAt, courtyard, item, BacklogStates[_backlogCount++ % BacklogStates.Length]);
                    Play(reject: false);
                    yield return _case;
                    continue;
                }

                var roll = _random.NextDouble();
                if (roll < MergeShare && i + 1 < count)
                {
                    var target = Start(reportedAt, courtyard, item, stop: null);
                    var duplicate = ReportDuplicate();
                    Play(reject: false);
                    yield return target;
                    yield return duplicate;
                    i++;
                    continue;
                }

                Start(reportedAt, courtyard, item, stop: null);
                Play(reject: roll < MergeShare + RejectShare);
                yield return _case;
            }
        }

        private Case Start(DateTime reportedAt, CourtyardPlan courtyard, ItemPlan item, CaseState? stop, Urgency? urgency = null)
        {
            _courtyard = courtyard;
            _item = item;
            _stop = stop;
            _t = reportedAt;
            _channel = PickIndex(_channelWeights);
            _case = Report(reportedAt, _channel, out _rater, urgency);
            return _case;
        }

        /// <summary>
        /// 街道牵头: a street office leads; another office and a district department co-handle. The office signs and
        /// reports progress; the department never signs, and its sign-for limit has passed.
        /// </summary>
        private void PlayUnsignedPart()
        {
            var (lead, office, department) = StreetLedDispatch();
            _case.Sign(UnitActor(lead.Id), At(TimeSpan.FromMinutes(5)), _rules);
            _case.SignPart(office.Id, UnitActor(office.Id), At(TimeSpan.FromMinutes(3)), _rules);
            _case.AddPartProgress(office.Id, Pick(ProgressNotes), null, UnitActor(office.Id), At(TimeSpan.FromMinutes(10)));
            if (_case.Parts.Single(p => p.UnitId == department.Id).Clock.SignDeadlineUtc is { } signBy && signBy < _now)
                _case.FireDueTimers(signBy + TimeSpan.FromSeconds(20), Timer, _rules);
        }

        /// <summary>街道牵头, and one co-handler returns its part (退回): the desk asks another department, which signs and works on.</summary>
        private void PlayReturnedPart()
        {
            var (lead, office, department) = StreetLedDispatch();
            _case.Sign(UnitActor(lead.Id), At(TimeSpan.FromMinutes(5)), _rules);
            _case.SignPart(office.Id, UnitActor(office.Id), At(TimeSpan.FromMinutes(4)), _rules);
            _case.SignPart(department.Id, UnitActor(department.Id), At(TimeSpan.FromMinutes(2)), _rules);
            _case.ReturnPart(office.Id, ReturnedPartReason, UnitActor(office.Id), At(TimeSpan.FromMinutes(12)));
            var other = _departments.First(d => d.Id != department.Id);
            _case.AssignPart(other, _rules, Dispatcher(), At(TimeSpan.FromMinutes(30)), ReturnedPartReason);
            _case.SignPart(other.Id, UnitActor(other.Id), At(TimeSpan.FromMinutes(15)), _rules);
            _case.ClosePart(department.Id, Pick(PartResults), UnitActor(department.Id), At(TimeSpan.FromHours(18)));
            _case.AddPartProgress(other.Id, Pick(ProgressNotes), null, UnitActor(other.Id), At(TimeSpan.FromHours(2)));
        }

        /// <summary>The community committee never signs: reminded at the limit, taken back at twice it, then escalated to the street by hand.</summary>
        private void PlayMissedSignFor()
        {
            _case.Accept(Dispatcher(), At(TimeSpan.FromMinutes(3)), _rules, HandlingLevel.Community);
            _case.Dispatch(_courtyard.ServingByLevel[(int)HandlingLevel.Community - 1][0], [], _rules, Dispatcher(), At(TimeSpan.FromMinutes(4)));
            foreach (var deadline in new[] { _case.Clock.SignDeadlineUtc, _case.Clock.SignLapseDeadlineUtc }.OfType<DateTime>())
                if (_case.State == CaseState.Dispatched && deadline + TimeSpan.FromSeconds(20) < _now)
                    _case.FireDueTimers(deadline + TimeSpan.FromSeconds(20), Timer, _rules);
            _t = _case.LastChangedAtUtc;
            if (_case.Level == HandlingLevel.Community && _case.WhyNot(CaseCommand.Escalate, _t) is null)
                _case.Escalate(MissedSignForReason, Dispatcher(), At(TimeSpan.FromMinutes(15)), _rules);
        }

        /// <summary>Accepts the current case at street level and dispatches it to a street office with another office and a department co-handling.</summary>
        private (HandlingUnit Lead, HandlingUnit Office, HandlingUnit Department) StreetLedDispatch()
        {
            var lead = _item.StreetOffice;
            var office = _streetOffices.First(o => o.Id != lead.Id);
            var department = _item.CoHandlers.FirstOrDefault() ?? _item.DistrictLead;
            _case.Accept(Dispatcher(), At(TimeSpan.FromMinutes(3)), _rules, HandlingLevel.Street);
            _case.Dispatch(lead, [office, department], _rules, Dispatcher(), At(TimeSpan.FromMinutes(4)));
            return (lead, office, department);
        }

        /// <summary>Moves the scripted clock on by <paramref name="after"/> and returns the new moment.</summary>
        private DateTime At(TimeSpan after) => _t += after;

        /// <summary>A second report of the same problem, merged into the current case while that is still waiting.</summary>
        private Case ReportDuplicate()
        {
            var reportedAt = _t + Minutes(10, 240);
            if (reportedAt > _now) reportedAt = Later(_t, _now);
            var duplicate = Report(reportedAt, PickIndex(_channelWeights), out _);
            var mergedAt = reportedAt + Minutes(3, 40);
            if (mergedAt <= _now)
            {
                duplicate.MergeInto(_case, Dispatcher(), mergedAt);
                _t = mergedAt;
            }
            return duplicate;
        }

        private Case Report(DateTime at, int channelIndex, out Actor? rater, Urgency? forcedUrgency = null)
        {
            var channel = Channels[channelIndex].Channel;
            var courtyard = _courtyard.Courtyard;
            var building = _courtyard.Buildings.Length > 0 && Chance(_item.Indoor ? 0.95 : 0.35) ? Pick(_courtyard.Buildings) : null;
            var urgency = forcedUrgency ?? PickUrgency();
            Reporter? reporter = null;
            rater = null;
            Actor actor;
            switch (channel)
            {
                case Channel.ResidentQr:
                    actor = rater = Resident;
                    if (Chance(0.45)) reporter = new Reporter(Chance(0.5) ? DemoNames.Caller(_random) : null, DemoNames.Phone(_random));
                    break;
                case Channel.GridPatrol:
                    actor = Chance(0.7) ? Pick(_courtyard.GridWorkers) : Pick(_courtyard.MicroGridMembers);
                    break;
                case Channel.Hotline:
                    actor = Dispatcher();
                    if (Chance(0.9))
                    {
                        reporter = new Reporter(DemoNames.Caller(_random), DemoNames.Phone(_random));
                        rater = Resident;
                    }
                    break;
                case Channel.ExternalSystem:
                    actor = ExternalPlatform;
                    break;
                default:
                    actor = Dispatcher();
                    break;
            }

            var description = string.Concat(Prefix(channel), courtyard.Name, building?.Name, Pick(_item.Problems), Pick(Tails));
            // About ±50 m around the courtyard's point, where the reporter stood.
            var latitude = Math.Round(courtyard.Latitude + (_random.NextDouble() - 0.5) * 0.0009, 6);
            var longitude = Math.Round(courtyard.Longitude + (_random.NextDouble() - 0.5) * 0.001, 6);
            return Case.Report(
                _nextNumber(at), _streetId, channel, _item.Category, urgency, courtyard, building, description, reporter,
                latitude, longitude, actor, at, _rules, facility: FacilityOf(courtyard, building));
        }

        /// <summary>The facility a report names, if its problem is about one and the courtyard keeps one of that kind; from a building, that building's when it has one.</summary>
        private Facility? FacilityOf(Courtyard courtyard, Building? building)
        {
            if (!FacilityProblems.TryGetValue(_item.Category.Code, out var problem) || _facilityRandom.NextDouble() >= problem.Share) return null;
            var kept = _facilities[(courtyard.Id, problem.Kind)].ToArray();
            Facility[] inBuilding = building is null ? [] : kept.Where(f => f.BuildingId == building.Id).ToArray();
            var from = inBuilding.Length > 0 ? inBuilding : kept;
            return from.Length == 0 ? null : from[_facilityRandom.Next(from.Length)];
        }

        private void Play(bool reject)
        {
            if (_case.State == _stop) return;
            var at = _t + (Urgent ? Minutes(1, 10) : Minutes(3, 60));
            if (!WaitUntil(LateAt(AcceptanceLateShare, _case.Wait.DeadlineUtc, at, Minutes(5, 90)))) return;
            if (reject)
            {
                _case.Reject(Pick(RejectReasons), Dispatcher(), _t);
                return;
            }

            var raise = _case.Level.CanRise() && Chance(RaiseOnAcceptShare);
            _case.Accept(Dispatcher(), _t, _rules, raise ? _case.Level.Next() : null, raise ? RaiseOnAcceptNote : null);
            while (!_case.State.IsFinal() && _case.State != _stop && Step())
            {
            }
        }

        /// <summary>
        /// Runs the next command(s) the case's state calls for; false when they would fall after now. A timer that moved the
        /// case on meanwhile (the handling limit's escalation, 默认满意) ends the step as a command would.
        /// </summary>
        private bool Step()
        {
            var state = _case.State;
            var acted = state switch
            {
                CaseState.PendingDispatch => Dispatch(),
                CaseState.Dispatched => SignOrReturn(),
                CaseState.InProgress => Handle(),
                CaseState.PendingVerification => Verify(),
                CaseState.PendingEvaluation => Evaluate(),
                _ => false,
            };
            return acted || _case.State != state;
        }

        private bool Dispatch()
        {
            var level = _case.Level;
            var limits = _rules.Policies.Resolve(_case.CategoryCode, _case.Urgency, level).Limits;
            var at = _t + (_case.ReturnCount + _case.EscalationCount > 0 ? Minutes(5, 60) : Urgent ? Minutes(1, 8) : Minutes(2, 30));
            // A case left waiting for signature or in progress is dispatched recently enough that no timer is due yet.
            if (_stop == CaseState.Dispatched)
                at = Later(at, _now - limits.SignFor * Between(0.1, 0.8));
            else if (_stop == CaseState.InProgress)
                at = Later(at, _now - limits.SignFor - limits.Handling * Between(0.05, 0.4));
            else
                at = LateAt(DispatchLateShare, _case.Wait.DeadlineUtc, at, Minutes(5, 120));
            if (!WaitUntil(at)) return false;

            var returned = _case.ReturnCount > 0;
            var unit = level switch
            {
                HandlingLevel.Street when returned => Pick(_courtyard.ServingByLevel[(int)level - 1]),
                HandlingLevel.District when returned && _item.CoHandlers.Length > 0 => Pick(_item.CoHandlers),
                HandlingLevel.Street => _item.StreetOffice,
                HandlingLevel.District => _item.DistrictLead,
                _ => _courtyard.ServingByLevel[(int)level - 1][0],
            };
            HandlingUnit[] coHandlers = unit == _item.DistrictLead && level == HandlingLevel.District
                && _item.CoHandlers.Length > 0 && Chance(CoHandlingShare)
                ? _item.CoHandlers[..(1 + _random.Next(_item.CoHandlers.Length))]
                : [];
            var note = _case.ReturnsAtLevel >= Case.ReturnsBeforeArbitration ? ArbitrationNote
                : Chance(0.2) ? Pick(DispatchNotes) : null;
            _case.Dispatch(unit, coHandlers, _rules, Dispatcher(), _t, note);
            return true;
        }

        private bool SignOrReturn()
        {
            var signFor = _case.Clock.SignForLimit!.Value;
            var actor = UnitActor(_case.CurrentUnitId!.Value);
            if (!_case.IsArbitrated && Chance(ReturnShare[(int)_case.Level - 1]))
            {
                if (!Wait(signFor * Between(0.2, 0.9))) return false;
                var (reason, note) = Pick(Returns);
                _case.Return(reason, note, actor, _t, _rules);
                return true;
            }
            // A late unit signs after the reminder and before the lapse would take the case back.
            var at = _stop is null && Chance(SignLateShare) && _case.Clock is { SignDeadlineUtc: { } due, SignLapseDeadlineUtc: { } lapse }
                ? due + (lapse - due) * Between(0.1, 0.8)
                : _t + signFor * Between(0.05, 0.9);
            if (!WaitUntil(at)) return false;
            _case.Sign(actor, _t, _rules);
            _handler = actor;
            return true;
        }

        /// <summary>
        /// One spell of work by the unit, from signing (or rework) to 办结: progress, at most one request,
        /// 督办, co-handlers closing their parts, and the timer's escalation when the unit runs late.
        /// </summary>
        private bool Handle()
        {
            var start = _t;
            var actor = _handler;
            var limit = _case.Clock.HandlingLimit!.Value;
            var late = Chance(LateShare[(int)_case.Level - 1]);
            var planned = _case.Clock.IsDeferred
                ? start + TimeSpan.FromDays(Between(2, 20))
                : start + limit * (late ? Between(1.05, 1.8) : 0.05 + 0.75 * Squared());

            if (Chance(ProgressShare))
            {
                if (!WaitUntil(start + (planned - start) * Between(0.1, 0.4))) return false;
                _case.AddProgress(Pick(ProgressNotes), null, actor, _t);
            }

            if (_case.Clock.HandlingDeadlineUtc is { } deadline && deadline - _t > TimeSpan.FromMinutes(5))
            {
                var roll = _random.NextDouble();
                if (roll < EscalationRequestShare && _case.Level.CanRise())
                {
                    if (!WaitUntil(Toward(deadline, 0.2, 0.5))) return false;
                    _case.RequestEscalation(Pick(EscalationReasons), actor, _t);
                    if (!WaitUntil(Toward(deadline, 0.1, 0.5))) return false;
                    if (Chance(0.8))
                    {
                        _case.ApproveRequest(null, Dispatcher(), _t, _rules);
                        return true;
                    }
                    _case.RefuseRequest(Pick(RefusalNotes), Dispatcher(), _t);
                }
                else if ((roll -= EscalationRequestShare) < PostponementShare)
                {
                    if (!WaitUntil(Toward(deadline, 0.4, 0.8))) return false;
                    var requested = deadline + limit * Between(0.3, 0.9);
                    _case.RequestPostponement(Pick(PostponementReasons), requested, actor, _t);
                    if (!WaitUntil(Toward(deadline, 0.1, 0.6))) return false;
                    if (Chance(0.8))
                    {
                        _case.ApproveRequest(null, Dispatcher(), _t, _rules);
                        if (!late) planned = Later(planned, deadline + (requested - deadline) * Between(0.2, 0.9));
                    }
                    else
                    {
                        _case.RefuseRequest(Pick(RefusalNotes), Dispatcher(), _t);
                    }
                }
                else if ((roll -= PostponementShare) < DeferralShare)
                {
                    if (!WaitUntil(Toward(deadline, 0.2, 0.5))) return false;
                    _case.RequestDeferral(Pick(DeferralReasons), _t + TimeSpan.FromDays(Between(20, 90)), actor, _t);
                    if (!WaitUntil(Toward(deadline, 0.1, 0.5))) return false;
                    if (Chance(0.7))
                    {
                        _case.ApproveRequest(null, Leader(), _t, _rules);
                        planned = _t + TimeSpan.FromDays(Between(2, 20));
                        if (!ReviewDeferral(limit, ref planned)) return false;
                    }
                    else
                    {
                        _case.RefuseRequest(Pick(RefusalNotes), Leader(), _t);
                    }
                }
            }

            var due = _case.Clock.HandlingDeadlineUtc;
            var escalates = due is { } d && planned > d && _case.Level.CanRise();
            var horizon = escalates ? due!.Value : planned;
            if (due is { } dueAt && _case.Clock.WarningAtUtc is { } warning)
            {
                // Overdue at district level stays red and is urged; elsewhere some cases are urged past the warning point.
                var overdue = planned > dueAt && !escalates;
                if (overdue ? Chance(OverdueSupervisionShare) : planned > warning && Chance(SupervisionShare))
                {
                    var from = overdue ? dueAt : warning;
                    if (!WaitUntil(from + (horizon - from) * Between(0.05, 0.5))) return false;
                    // The leader asks for a reply the same day or the next.
                    _case.Supervise(Pick(SupervisionNotes), _t + TimeSpan.FromHours(Between(2, 24)), Leader(), _t);
                    if (Chance(SupervisionAnsweredShare))
                    {
                        // Some units answer only after the reply was due, and finish the work after answering.
                        var answersLate = Chance(LateAnswerShare);
                        var answerAt = answersLate ? _case.Supervision!.ReplyDueUtc + Minutes(30, 300) : _t + (horizon - _t) * Between(0.05, 0.3);
                        if (!WaitUntil(answerAt)) return false;
                        _case.AnswerSupervision(Pick(SupervisionAnswers), actor, _t);
                        if (answersLate) planned = Later(planned, _t + Minutes(10, 120));
                    }
                }
            }

            for (var p = 0; p < _case.Parts.Count; p++)
            {
                var part = _case.Parts[p];
                if (part.Role != PartRole.CoHandler || part.IsClosed) continue;
                var partActor = UnitActor(part.UnitId);
                if (!part.IsSigned)
                {
                    if (!WaitUntil(_t + (horizon - _t) * Between(0.02, 0.1))) return false;
                    _case.SignPart(part.UnitId, partActor, _t, _rules);
                }
                // A slow co-handler finishes its part after its own limit; the lead reports done only after it.
                var closeAt = !escalates && part.Clock.HandlingDeadlineUtc is { } partDue && Chance(LatePartShare)
                    ? partDue + Minutes(30, 600)
                    : _t + (horizon - _t) * Between(0.2, 0.7);
                if (!WaitUntil(closeAt)) return false;
                _case.ClosePart(part.UnitId, Pick(PartResults), partActor, _t);
            }

            if (escalates)
            {
                // The timer sweeps within seconds of the deadline.
                if (!WaitUntil(due!.Value + TimeSpan.FromSeconds(Between(5, 50)))) return false;
                _case.FireDueTimers(_t, Timer, _rules);
                return true;
            }

            if (!WaitUntil(planned)) return false;
            _case.ReportDone(Pick(_item.Results), null, actor, _t, _rules);
            return true;
        }

        /// <summary>
        /// A leader looks at some deferrals before the work is done: resumes the case (恢复办理), which then runs on a
        /// fresh handling limit and is done within it, or sets a later review date (延长挂账).
        /// </summary>
        private bool ReviewDeferral(TimeSpan limit, ref DateTime planned)
        {
            var roll = _random.NextDouble();
            if (roll >= DeferralResumedShare + DeferralExtendedShare) return true;
            if (!WaitUntil(_t + (planned - _t) * Between(0.2, 0.6))) return false;
            if (roll < DeferralResumedShare)
            {
                _case.ResumeDeferred(Pick(ResumeNotes), Leader(), _t, _rules);
                planned = _t + limit * (0.1 + 0.6 * Squared());
            }
            else
            {
                _case.ExtendDeferral(_case.Clock.ReviewAtUtc!.Value + TimeSpan.FromDays(Between(15, 45)), Pick(ExtensionNotes), Leader(), _t);
            }
            return true;
        }

        private bool Verify()
        {
            var at = _t + (Urgent ? Minutes(5, 60) : Minutes(20, 600));
            // A case left waiting for its rating was verified recently enough that it has not closed by default yet.
            if (_stop == CaseState.PendingEvaluation)
                at = Later(at, _now - StreetRules.DefaultEvaluationWindow * Between(0.05, 0.9));
            else
                at = LateAt(VerificationLateShare, _case.Wait.DeadlineUtc, at, Minutes(30, 600));
            if (!WaitUntil(at)) return false;

            var verifier = _case.Level <= HandlingLevel.Community ? Pick(_courtyard.GridWorkers) : Dispatcher();
            if (_case.ReworkCount == 0 && Chance(VerificationFailShare))
                _case.Verify(false, Pick(VerificationFailNotes), verifier, _t, _rules);
            else
                _case.Verify(true, Chance(0.3) ? VerificationPassNote : null, verifier, _t, _rules);
            return true;
        }

        private bool Evaluate()
        {
            var (_, _, rated, revisited) = Channels[_channel];
            var roll = _random.NextDouble();
            if (_rater is not null && roll < rated)
            {
                if (!Wait(TimeSpan.FromHours(0.2 + 70 * Squared()))) return false;
                Rate(RatingSource.Reporter, _rater);
            }
            else if (roll < rated + revisited)
            {
                if (!Wait(Minutes(120, 72 * 60))) return false;
                Rate(RatingSource.Revisit, Dispatcher());
            }
            else
            {
                if (!WaitUntil(_case.EvaluationDeadlineUtc!.Value + TimeSpan.FromSeconds(Between(5, 300)))) return false;
                _case.AutoClose(Timer, _t);
            }
            return true;
        }

        private void Rate(RatingSource source, Actor actor)
        {
            var roll = _random.NextDouble();
            var (rating, comments) = roll < 0.80 ? (Rating.Satisfied, SatisfiedComments)
                : roll < 0.94 || _case.ReworkCount >= 2 ? (Rating.BasicallySatisfied, BasicallySatisfiedComments)
                : (Rating.Unsatisfied, UnsatisfiedComments);
            _case.Rate(rating, Chance(0.35) ? Pick(comments) : null, source, actor, _t, _rules);
        }

        private Urgency PickUrgency()
        {
            var roll = _random.NextDouble();
            var (normal, urgent) = _item.Hazard ? (0.65, 0.90) : (0.88, 0.98);
            return roll < normal ? Urgency.Normal : roll < urgent ? Urgency.Urgent : Urgency.Critical;
        }

        private bool Urgent => _case.Urgency != Urgency.Normal;

        private Actor Dispatcher() => Pick(_dispatchers);

        private Actor Leader() => Pick(_leaders);

        private Actor UnitActor(UnitId unitId) => Pick(_unitActors[unitId.Value - 1]);

        private bool Wait(TimeSpan delay) => WaitUntil(_t + delay);

        /// <summary>
        /// Moves the case's clock to <paramref name="at"/> (at least a second on), first firing what the deadline sweep fires
        /// on the way: each timer due by then, a few seconds after it fell due, through the sweeper's own call. False if that
        /// is after now (unmoved), or if a timer moved the case on (left at the timer's moment): the planned act no longer fits.
        /// </summary>
        private bool WaitUntil(DateTime at)
        {
            var next = at > _t ? at : _t.AddSeconds(1);
            if (next > _now) return false;
            var state = _case.State;
            while (_case.NextTimerAtUtc is { } due && due + SweepLag <= next)
            {
                _t = Later(due + SweepLag, _t);
                _case.FireDueTimers(_t, Timer, _rules);
                if (_case.State != state) return false;
            }
            _t = next;
            return true;
        }

        /// <summary>
        /// The moment of a stage's act: <paramref name="onTime"/>, or by <paramref name="share"/>'s chance <paramref name="over"/>
        /// past the stage's <paramref name="deadline"/> (none: no limit runs there) — never for a case meant to stop in an open state.
        /// </summary>
        private DateTime LateAt(double share, DateTime? deadline, DateTime onTime, TimeSpan over) =>
            _stop is null && deadline is { } due && Chance(share) ? Later(onTime, due + over) : onTime;

        /// <summary>A point between the clock and <paramref name="end"/>, at a random share in [from, to).</summary>
        private DateTime Toward(DateTime end, double from, double to) => _t + (end - _t) * Between(from, to);

        private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

        /// <summary>How long after a timer falls due the sweep fires it: it runs every few seconds.</summary>
        private static readonly TimeSpan SweepLag = TimeSpan.FromSeconds(20);

        private bool Chance(double probability) => _random.NextDouble() < probability;

        private double Between(double from, double to) => from + (to - from) * _random.NextDouble();

        /// <summary>Skewed towards 0: most work is quick, a few spells take long.</summary>
        private double Squared()
        {
            var u = _random.NextDouble();
            return u * u;
        }

        private TimeSpan Minutes(double from, double to) => TimeSpan.FromMinutes(Between(from, to));

        private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

        private int PickIndex(double[] cumulative)
        {
            var index = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
            return index >= 0 ? index + 1 : ~index;
        }

        private static double[] Cumulative(IEnumerable<double> weights)
        {
            var cumulative = weights.ToArray();
            for (var i = 1; i < cumulative.Length; i++) cumulative[i] += cumulative[i - 1];
            return cumulative;
        }

        private static Actor[] NonEmpty(IEnumerable<Staff> staff, string what)
        {
            var actors = staff.Select(ActorFor).ToArray();
            return actors.Length > 0 ? actors : throw new InvalidOperationException($"The demo street has no {what}.");
        }
    }
}
