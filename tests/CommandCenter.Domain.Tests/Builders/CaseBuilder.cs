using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Domain.Tests.Builders;

/// <summary>
/// Reports a case and drives it through real commands, one minute apart from <see cref="Clock.Start"/>,
/// until it is in the chosen state with the chosen history.
/// </summary>
public sealed class CaseBuilder
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);
    private static int _sequence;

    private readonly CaseState _target;
    private Urgency _urgency = Urgency.Normal;
    private Channel _channel = Channel.ResidentQr;
    private HandlingLevel? _level;
    private int _returns;
    private HandlingUnit[] _coHandlers = [];
    private bool _deferred;
    private RequestKind? _request;
    private bool _awaitsCloseDecision;

    private CaseBuilder(CaseState target) => _target = target;

    public static CaseBuilder In(CaseState state) => new(state);

    public FakeTimeProvider Time { get; } = new(Clock.Start);

    /// <summary>The time of the last command; after <see cref="Build"/>, the moment to act on the case.</summary>
    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public CaseBuilder WithUrgency(Urgency urgency)
    {
        _urgency = urgency;
        return this;
    }

    public CaseBuilder WithChannel(Channel channel)
    {
        _channel = channel;
        return this;
    }

    /// <summary>The level chosen on acceptance.</summary>
    public CaseBuilder AtLevel(HandlingLevel level)
    {
        _level = level;
        return this;
    }

    public CaseBuilder Returned(int times)
    {
        _returns = times;
        return this;
    }

    /// <summary>Returned often enough that the last dispatch is an arbitration (once the case is dispatched).</summary>
    public CaseBuilder Arbitrated() => Returned(Math.Max(_returns, Case.ReturnsBeforeArbitration));

    /// <summary>District level, <see cref="Org.Housing"/> leads, two other departments co-handle.</summary>
    public CaseBuilder CrossAgency()
    {
        _coHandlers = [Org.UrbanManagement, Org.Ecology];
        return AtLevel(HandlingLevel.District);
    }

    /// <summary>Street level (seed 001): <see cref="Org.StreetOffice"/> leads, another street office and a district department co-handle.</summary>
    public CaseBuilder StreetLed()
    {
        _coHandlers = [Org.SafetyOffice, Org.Ecology];
        return AtLevel(HandlingLevel.Street);
    }

    /// <summary>Deferral approved on signing.</summary>
    public CaseBuilder Deferred()
    {
        _deferred = true;
        return this;
    }

    /// <summary>Rated 不满意 once more than may reopen it (once the case waits for evaluation): it waits for 审定结案.</summary>
    public CaseBuilder AwaitingCloseDecision()
    {
        _awaitsCloseDecision = true;
        return this;
    }

    /// <summary>A request left waiting after signing; reporting done clears it on the way to later states.</summary>
    public CaseBuilder WithPendingRequest(RequestKind kind)
    {
        _request = kind;
        return this;
    }

    public Case Build()
    {
        var c = Report(urgency: _urgency, nowUtc: Now, channel: _channel);
        while (c.State != _target || c.ReturnCount < _returns || _awaitsCloseDecision && _target == CaseState.PendingEvaluation && !c.AwaitsCloseDecision)
        {
            Time.Advance(Step);
            Advance(c, Now);
        }
        return c;
    }

    /// <summary>A valid report in <see cref="Org.Courtyard"/>; each argument can be spoilt on its own.</summary>
    public static Case Report(
        string description = "Rubbish piled up by the east gate", Reporter? reporter = null, Category? category = null,
        Building? building = null, double? latitude = null, Urgency urgency = Urgency.Normal, DateTime? nowUtc = null,
        Channel channel = Channel.ResidentQr, Facility? facility = null)
    {
        var now = nowUtc ?? Clock.Start;
        var number = CaseNumber.Format("CT", ChinaTime.LocalDate(now), Interlocked.Increment(ref _sequence) % 10_000);
        return Case.Report(
            number, Org.StreetId, channel, category ?? Org.Item, urgency, Org.Courtyard, building,
            description, reporter, latitude, latitude is null ? null : Org.Courtyard.Longitude, Org.Dispatcher, now, Org.Rules, facility: facility);
    }

    /// <summary>Reported, accepted at <paramref name="level"/> and dispatched to <see cref="Org.UnitAt"/> it, all at <paramref name="nowUtc"/>, under <paramref name="rules"/>.</summary>
    public static Case DispatchedAt(
        DateTime nowUtc, DeadlineRules rules, HandlingLevel level = HandlingLevel.Courtyard, Urgency urgency = Urgency.Normal)
    {
        var c = Report(urgency: urgency, nowUtc: nowUtc);
        c.Accept(Org.Dispatcher, nowUtc, rules, level);
        c.Dispatch(Org.UnitAt(level), [], rules, Org.Dispatcher, nowUtc);
        return c;
    }

    private void Advance(Case c, DateTime now)
    {
        switch (c.State)
        {
            case CaseState.Reported when _target is CaseState.Rejected:
                Commands.Invoke(c, CaseCommand.Reject, now);
                break;
            case CaseState.Reported when _target is CaseState.Merged:
                Commands.Invoke(c, CaseCommand.Merge, now);
                break;
            case CaseState.Reported:
                c.Accept(Org.Dispatcher, now, Org.Rules, _level);
                break;
            case CaseState.PendingDispatch:
                Commands.Dispatch(c, now, _coHandlers);
                break;
            case CaseState.Dispatched when c.ReturnCount < _returns:
                Commands.Invoke(c, CaseCommand.Return, now);
                break;
            case CaseState.Dispatched:
                Commands.Invoke(c, CaseCommand.Sign, now);
                if (_deferred)
                {
                    Commands.Invoke(c, CaseCommand.RequestDeferral, now);
                    Commands.Invoke(c, CaseCommand.ApproveRequest, now);
                }
                if (_request is { } kind)
                    Commands.Invoke(c, Commands.RequestFor(kind), now);
                break;
            case CaseState.InProgress:
                while (c.WhyNot(CaseCommand.ClosePart, now) is null)
                    Commands.Invoke(c, CaseCommand.ClosePart, now);
                Commands.Invoke(c, CaseCommand.ReportDone, now);
                break;
            case CaseState.PendingVerification:
                Commands.Invoke(c, CaseCommand.Verify, now);
                break;
            case CaseState.PendingEvaluation when c.AwaitsCloseDecision:
                Commands.Invoke(c, CaseCommand.DecideClose, now);
                break;
            case CaseState.PendingEvaluation when _awaitsCloseDecision:
                c.Rate(Rating.Unsatisfied, "Still piled up", RatingSource.Reporter, Org.Dispatcher, now, Org.Rules);
                break;
            case CaseState.PendingEvaluation:
                Commands.Invoke(c, CaseCommand.Rate, now);
                break;
            default:
                throw new InvalidOperationException($"A case in state {c.State} cannot be driven to {_target} with {_returns} returns.");
        }
    }
}
