using System.Threading.Channels;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Attachment = CommandCenter.Domain.Cases.Attachment;
using Case = CommandCenter.Domain.Cases.Case;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Group commit for intake: reports that arrive while a transaction is being written wait
/// and go into the next one together, numbered in arrival order. Under a burst this turns
/// many small transactions into few larger ones; alone, a report is written at once. Each street numbers its own
/// cases (its code, its day's counter), so a batch takes numbers from each street it holds reports of: inside its
/// transaction where one writer runs at a time (SQLite), from this server's blocks otherwise (<see cref="CaseNumberBlocks"/>).
/// The facility a report names is read in the batch's transaction, so one retired or moved since the caller checked it
/// refuses that report alone while the rest of the batch is stored.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly UnitOfWork _unitOfWork;
    private readonly TimeProvider _clock;
    private readonly CaseNumberBlocks? _blocks;
    private readonly Task _loop;

    /// <param name="blocks">Where numbers come from on a server database; null: the counter, in the intake's transaction.</param>
    public IntakeWriter(UnitOfWork unitOfWork, TimeProvider clock, CaseNumberBlocks? blocks)
    {
        _unitOfWork = unitOfWork;
        _clock = clock;
        _blocks = blocks;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Writes the case <paramref name="report"/> makes from its number and time. The caller has
    /// already checked that it succeeds for these arguments, so no number is left unused.
    /// Cancelling while the report still waits withdraws it; once its transaction has begun, the
    /// caller waits for it, so a cancelled report is never stored behind the caller's back.
    /// </summary>
    /// <param name="place">Where the case is: its street's code, which its number starts with, its courtyard and the facility it names.</param>
    /// <param name="report">Makes the case from its number, time, attachments and the named facility as the transaction reads it.</param>
    /// <param name="enclosures">What belongs with the case (a reporter's photos, a tracking code), written in its transaction.</param>
    public Task<Case> WriteAsync(IntakePlace place, Report report, CaseEnclosures enclosures, CancellationToken cancellationToken)
    {
        var pending = new Pending(place, report, enclosures);
        // A report that claims uploaded photos may be refused in its transaction (another case took
        // one meanwhile): it is written alone, so its refusal never fails the reports batched with it.
        if (enclosures.ClaimsUploads)
            return WriteAloneAsync(pending, cancellationToken);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(IntakeWriter));
        pending.WithdrawOn(cancellationToken);
        return pending.Written;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                if (pending.TryStartWriting()) batch.Add(pending);
            if (batch.Count > 0) await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task<Case> WriteAloneAsync(Pending pending, CancellationToken cancellationToken) =>
        (await WriteUnitAsync([pending], cancellationToken))[0] switch
        {
            { Refusal: { } refusal } => throw refusal,
            var written => written.Case!,
        };

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            var outcomes = await WriteUnitAsync(batch, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
                if (outcomes[i].Refusal is { } refusal) batch[i].Fail(refusal);
                else batch[i].Complete(outcomes[i].Case!);
        }
        catch (Exception e)
        {
            foreach (var pending in batch) pending.Fail(e);
        }
    }

    /// <summary>
    /// One transaction for <paramref name="reports"/>: each stored, or refused alone for the facility it names. Numbers from this
    /// server's blocks are taken before it begins, so a report refused in it leaves its number unused, as a block left over does;
    /// the counter numbers only the reports accepted.
    /// </summary>
    private async Task<Outcome[]> WriteUnitAsync(IReadOnlyList<Pending> reports, CancellationToken cancellationToken)
    {
        var nowUtc = _clock.GetUtcNow().UtcDateTime;
        var blocks = _blocks;
        if (blocks is not null)
        {
            var numbers = await NumbersAsync(reports, new Exception?[reports.Count], (street, count) => blocks.TakeAsync(street, nowUtc, count, cancellationToken));
            return await _unitOfWork.WriteAsync(async db => await WriteCasesAsync(db, reports, await FacilitiesAsync(db, reports), nowUtc, numbers), cancellationToken);
        }
        return await _unitOfWork.WriteAsync(async db =>
        {
            var facilities = await FacilitiesAsync(db, reports);
            return await WriteCasesAsync(db, reports, facilities, nowUtc, await NumbersAsync(reports, facilities.Refusals,
                (street, count) => CaseNumberAllocator.NextAsync(db, street, nowUtc, count, CancellationToken.None)));
        }, cancellationToken);
    }

    /// <summary>
    /// The facilities the reports name, read in one query of the transaction, and each report's refusal for its own: whether a
    /// case may name it is the domain's to say (<see cref="Facility.WhyNotReportedIn"/>).
    /// </summary>
    private static async Task<NamedFacilities> FacilitiesAsync(CommandCenterDbContext db, IReadOnlyList<Pending> reports)
    {
        var ids = reports.Where(r => r.Place.FacilityId is not null).Select(r => r.Place.FacilityId!.Value.Value).Distinct().ToList();
        var read = ids.Count == 0
            ? new Dictionary<long, Facility>()
            : await db.Facilities.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, CancellationToken.None);
        var named = new Facility?[reports.Count];
        var refusals = new Exception?[reports.Count];
        for (var i = 0; i < reports.Count; i++)
        {
            if (reports[i].Place is not { FacilityId: { } id } place) continue;
            if (!read.TryGetValue(id.Value, out var facility)) refusals[i] = new UnknownReferenceException("facilityId", id.ToString());
            else if (facility.WhyNotReportedIn(place.CourtyardId, place.Channel) is { } refusal) refusals[i] = refusal;
            else named[i] = facility;
        }
        return new NamedFacilities(named, refusals);
    }

    /// <summary>Each accepted report's number, in arrival order per street; a refused report gets none.</summary>
    private static async Task<string?[]> NumbersAsync(
        IReadOnlyList<Pending> reports, Exception?[] refusals, Func<string, int, Task<IReadOnlyList<string>>> take)
    {
        var numbers = new string?[reports.Count];
        var accepted = reports.Select((r, i) => (r.Place.StreetCode, Index: i)).Where(r => refusals[r.Index] is null);
        foreach (var street in accepted.GroupBy(r => r.StreetCode, StringComparer.Ordinal))
        {
            var next = new Queue<string>(await take(street.Key, street.Count()));
            foreach (var (_, index) in street) numbers[index] = next.Dequeue();
        }
        return numbers;
    }

    /// <summary>Adds the accepted reports' cases and enclosures to the unit of work.</summary>
    private static async Task<Outcome[]> WriteCasesAsync(
        CommandCenterDbContext db, IReadOnlyList<Pending> reports, NamedFacilities facilities, DateTime nowUtc, string?[] numbers)
    {
        CaseBatchSave.Request(db);
        var outcomes = new Outcome[reports.Count];
        for (var i = 0; i < reports.Count; i++)
        {
            if (facilities.Refusals[i] is { } refusal)
            {
                outcomes[i] = new Outcome(null, refusal);
                continue;
            }
            var @case = reports[i].Report(numbers[i]!, nowUtc, await reports[i].Enclosures.AttachmentsAsync(db), facilities.Named[i]);
            db.Cases.Add(@case);
            reports[i].Enclosures.AddTo(db, @case);
            outcomes[i] = new Outcome(@case, null);
        }
        return outcomes;
    }

    /// <summary>Makes a case of a report: its number, time, attachments and the facility it names as the transaction read it.</summary>
    public delegate Case Report(string number, DateTime nowUtc, IReadOnlyList<Attachment> attachments, Facility? facility);

    /// <summary>A report written, or refused in its transaction.</summary>
    private readonly record struct Outcome(Case? Case, Exception? Refusal);

    /// <summary>Per report: the facility it names, or why it may not name it.</summary>
    private sealed record NamedFacilities(Facility?[] Named, Exception?[] Refusals);

    /// <summary>A report waiting for its batch: withdrawn by its caller, or taken by the writer — never both.</summary>
    private sealed class Pending(IntakePlace place, Report report, CaseEnclosures enclosures)
    {
        private const int Waiting = 0, Writing = 1, Withdrawn = 2;
        private readonly TaskCompletionSource<Case> _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenRegistration _withdrawal;
        private int _stage;

        public IntakePlace Place { get; } = place;
        public Report Report { get; } = report;
        public CaseEnclosures Enclosures { get; } = enclosures;
        public Task<Case> Written => _written.Task;

        public void WithdrawOn(CancellationToken cancellationToken) => _withdrawal = cancellationToken.Register(() =>
        {
            if (Interlocked.CompareExchange(ref _stage, Withdrawn, Waiting) == Waiting) _written.TrySetCanceled(cancellationToken);
        });

        public bool TryStartWriting() => Interlocked.CompareExchange(ref _stage, Writing, Waiting) == Waiting;

        public void Complete(Case written)
        {
            _withdrawal.Dispose();
            _written.SetResult(written);
        }

        public void Fail(Exception e)
        {
            _withdrawal.Dispose();
            _written.TrySetException(e);
        }
    }
}

/// <summary>Where a report is: the street's code its number starts with, its courtyard and the facility it names, if any.</summary>
public sealed record IntakePlace(string StreetCode, CourtyardId CourtyardId, FacilityId? FacilityId, Domain.Cases.Channel Channel);
