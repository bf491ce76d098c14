using System.Diagnostics.Metrics;
using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Dashboard;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Telemetry;

/// <summary>
/// What an operator watches the servers by (DESIGN §6), as OpenTelemetry instruments on the meter
/// <see cref="MeterName"/>: open cases by state and overdue cases by clock (from the dashboard projection,
/// no query), how late timers fire (every swept deadline), and the notice outbox's length (one counted
/// query, at most every <see cref="OutboxRecount"/>). The web project adds circuits, hub connections and walls.
/// </summary>
public sealed class CommandCenterMetrics : IDisposable
{
    public const string MeterName = "CommandCenter";
    private static readonly TimeSpan OutboxRecount = TimeSpan.FromSeconds(5);

    private readonly Meter _meter;
    private readonly DeadlineSweeper _sweeper;
    private readonly Histogram<double> _lateness;
    private readonly IDbContextFactory<CommandCenterDbContext> _contexts;
    private readonly TimeProvider _clock;
    private readonly Lock _outboxLock = new();
    private (DateTime AtUtc, Dictionary<NoticeState, int> Counts) _outbox = (DateTime.MinValue, []);

    public CommandCenterMetrics(
        IMeterFactory meters, DashboardProjection projection, DeadlineSweeper sweeper, IDbContextFactory<CommandCenterDbContext> contexts, TimeProvider clock)
    {
        (_sweeper, _contexts, _clock) = (sweeper, contexts, clock);
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("cc.cases.open", () => projection.OpenCounts()
            .Select(c => new Measurement<int>(c.Open, new KeyValuePair<string, object?>("state", c.Stage.ToString()))),
            "{case}", "Open cases by the state (clock) they wait in");
        _meter.CreateObservableGauge("cc.cases.overdue", () => projection.OpenCounts().Where(c => c.Overdue > 0)
            .Select(c => new Measurement<int>(c.Overdue, new KeyValuePair<string, object?>("clock", c.Stage.ToString()))),
            "{case}", "Open cases whose current clock has run out, by clock");
        _lateness = _meter.CreateHistogram<double>("cc.timers.lateness", "s", "From a deadline to the commit of what its timer did (sweep lag)");
        _sweeper.Swept += RecordLateness;
        _meter.CreateObservableGauge("cc.notices.outbox", () => OutboxCounts()
            .Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("state", c.Key.ToString()))),
            "{notice}", "Notices waiting to be sent, being sent, or given up on (dead letters)");
    }

    public void Dispose()
    {
        _sweeper.Swept -= RecordLateness;
        _meter.Dispose();
    }

    private void RecordLateness(SweptBatch batch)
    {
        foreach (var deadline in batch.DeadlinesUtc) _lateness.Record((batch.CommittedAtUtc - deadline).TotalSeconds);
    }

    private Dictionary<NoticeState, int> OutboxCounts()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        lock (_outboxLock)
        {
            if (now - _outbox.AtUtc < OutboxRecount) return _outbox.Counts;
            using var db = _contexts.CreateDbContext();
            var counts = db.Notices.AsNoTracking().Where(n => n.State == NoticeState.Pending || n.State == NoticeState.Sending || n.State == NoticeState.DeadLetter)
                .GroupBy(n => n.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionary(g => g.Key, g => g.Count);
            _outbox = (now, Enum.GetValues<NoticeState>().Where(s => s != NoticeState.Sent).ToDictionary(s => s, s => counts.GetValueOrDefault(s)));
            return _outbox.Counts;
        }
    }
}
