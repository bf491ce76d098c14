using System.Globalization;
using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommandCenter.Infrastructure.Notices;

/// <summary>
/// Sends the outbox. A round claims a batch of due notices for a lease (a conditional update, on a server database of the
/// rows it could lock, so two workers or servers never hold one notice at once, and one killed halfway leaves its claims to lapse
/// and be taken again), hands them to the gateway in parallel, and stores every outcome in one write:
/// sent; held to the end of quiet hours or of the recipient's rate window (no try spent); or failed,
/// retried after an exponential backoff and dead-lettered after the last try. Delivery is at least
/// once; the notice's key lets the gateway drop a repeat.
/// </summary>
public sealed partial class NoticeWorker(
    IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, INoticeGateway gateway, IOptions<NoticeOptions> options, TimeProvider clock, ILogger<NoticeWorker> logger)
    : BackgroundService
{
    private readonly RecipientRateLimit _rateLimit = new();

    private NoticeOptions Settings => options.Value;

    private QuietHours Quiet => new(
        TimeOnly.Parse(Settings.QuietHoursStart, CultureInfo.InvariantCulture), TimeOnly.Parse(Settings.QuietHoursEnd, CultureInfo.InvariantCulture));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
                handled = 0;
            }
            if (handled < Settings.BatchSize) await Task.Delay(Settings.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>One round: claim, send, record. Returns how many notices it claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed.Count == 0) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var quiet = Quiet;
        var outcomes = new Dictionary<long, Outcome>();
        var toSend = new List<Notice>();
        foreach (var notice in claimed)
        {
            if (!notice.IsUrgent && quiet.Contains(now))
                outcomes[notice.Id] = Outcome.Held(quiet.EndAfter(now));
            else if (_rateLimit.Take(notice.Phone, now, Settings.RatePerRecipient, Settings.RateWindow) is { } freeAt)
                outcomes[notice.Id] = Outcome.Held(freeAt);
            else
                toSend.Add(notice);
        }
        await Parallel.ForEachAsync(toSend, new ParallelOptions { MaxDegreeOfParallelism = Settings.Parallelism, CancellationToken = cancellationToken },
            async (notice, ct) =>
            {
                Outcome outcome;
                try
                {
                    await gateway.SendAsync(NoticeMessage.Of(notice), ct);
                    outcome = Outcome.Sent(clock.GetUtcNow().UtcDateTime);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    outcome = Outcome.Failed(e.Message);
                }
                lock (outcomes) outcomes[notice.Id] = outcome;
            });
        await RecordAsync(claimed, outcomes, cancellationToken);
        return claimed.Count;
    }

    private async Task<List<Notice>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var leaseEnds = now + Settings.ClaimLease;
        // Looked for outside the write gate: an idle outbox costs one indexed read a round, no write.
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            due = await Oldest(db.Notices, now, Settings.BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0) return [];
        return await unitOfWork.WriteInBackgroundAsync(async db =>
        {
            // SQLite: the write gate lets one claim run at a time, so the list read above is taken as it is. A server database:
            // two servers claim at once, and conditional updates of overlapping lists lock rows in no fixed order (they
            // deadlocked, issue 18); each takes the due rows no other server holds, with row locks, and claims exactly those.
            var mine = db.Database.IsSqlite() ? due : await LockDueAsync(db, now, Settings.BatchSize, cancellationToken);
            if (mine.Count == 0) return [];
            // Conditional on still being due: another server's claim in between wins, this one takes nothing of it.
            await Due(db.Notices, now).Where(n => mine.Contains(n.Id))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.State, NoticeState.Sending)
                    .SetProperty(n => n.DueAtUtc, leaseEnds)
                    .SetProperty(n => n.ClaimToken, token), cancellationToken);
            return await db.Notices.AsNoTracking().Where(n => n.ClaimToken == token).ToListAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// The oldest due notices, on a server database locked to this transaction (<see cref="SkipLockedRows"/>): rows another
    /// server's claim holds are passed over, never waited for, so two claims can neither deadlock nor take one notice twice.
    /// </summary>
    internal static Task<List<long>> LockDueAsync(CommandCenterDbContext db, DateTime now, int take, CancellationToken cancellationToken) =>
        Oldest(db.Notices.TagWith(SkipLockedRows.Tag), now, take).ToListAsync(cancellationToken);

    private static IQueryable<long> Oldest(IQueryable<Notice> notices, DateTime now, int take) =>
        Due(notices, now).OrderBy(n => n.DueAtUtc).ThenBy(n => n.Id).Select(n => n.Id).Take(take);

    /// <summary>Waiting for their time, or claimed by a worker whose lease has lapsed.</summary>
    private static IQueryable<Notice> Due(IQueryable<Notice> notices, DateTime now) =>
        notices.Where(n => (n.State == NoticeState.Pending || n.State == NoticeState.Sending) && n.DueAtUtc <= now);

    private Task RecordAsync(List<Notice> claimed, Dictionary<long, Outcome> outcomes, CancellationToken cancellationToken) =>
        unitOfWork.WriteInBackgroundAsync(db =>
        {
            foreach (var notice in claimed)
            {
                if (!outcomes.TryGetValue(notice.Id, out var outcome)) continue;
                db.Notices.Attach(notice);
                notice.ClaimToken = null;
                switch (outcome.Kind)
                {
                    case OutcomeKind.Sent:
                        notice.Attempts++;
                        (notice.State, notice.SentAtUtc, notice.LastError) = (NoticeState.Sent, outcome.AtUtc, null);
                        break;
                    case OutcomeKind.Held:
                        (notice.State, notice.DueAtUtc) = (NoticeState.Pending, outcome.AtUtc!.Value);
                        break;
                    default:
                        notice.Attempts++;
                        notice.LastError = outcome.Error is { Length: > Notice.MaxErrorLength } e ? e[..Notice.MaxErrorLength] : outcome.Error;
                        if (notice.Attempts >= Settings.MaxAttempts)
                            notice.State = NoticeState.DeadLetter;
                        else
                            (notice.State, notice.DueAtUtc) = (NoticeState.Pending,
                                clock.GetUtcNow().UtcDateTime + NoticeRetry.DelayAfter(notice.Attempts, Settings.FirstRetryDelay, Settings.LongestRetryDelay));
                        break;
                }
            }
            return Task.FromResult(claimed.Count);
        }, CancellationToken.None);

    private enum OutcomeKind
    {
        Sent,
        Held,
        Failed,
    }

    private sealed record Outcome(OutcomeKind Kind, DateTime? AtUtc, string? Error)
    {
        public static Outcome Sent(DateTime atUtc) => new(OutcomeKind.Sent, atUtc, null);
        public static Outcome Held(DateTime untilUtc) => new(OutcomeKind.Held, untilUtc, null);
        public static Outcome Failed(string error) => new(OutcomeKind.Failed, null, error);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of sending notices failed; the next round tries again.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}

/// <summary>
/// At most N notices per recipient in a sliding window, counted by this worker: a recipient told
/// more often waits for the window, the notice is not lost.
/// </summary>
internal sealed class RecipientRateLimit
{
    private readonly Dictionary<string, Queue<DateTime>> _sent = [];

    /// <summary>Counts a send to <paramref name="phone"/> and returns null, or returns when one may go.</summary>
    public DateTime? Take(string phone, DateTime nowUtc, int limit, TimeSpan window)
    {
        if (!_sent.TryGetValue(phone, out var times)) _sent[phone] = times = new Queue<DateTime>();
        while (times.TryPeek(out var oldest) && oldest <= nowUtc - window) times.Dequeue();
        if (times.Count >= limit) return times.Peek() + window;
        times.Enqueue(nowUtc);
        if (_sent.Count > 100_000) Forget(nowUtc - window);
        return null;
    }

    private void Forget(DateTime beforeUtc)
    {
        foreach (var phone in _sent.Where(p => p.Value.All(t => t <= beforeUtc)).Select(p => p.Key).ToList()) _sent.Remove(phone);
    }
}
