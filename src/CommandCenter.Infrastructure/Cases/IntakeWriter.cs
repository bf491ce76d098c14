using System.Threading.Channels;
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
    /// <param name="streetCode">The code of the street the case belongs to, which its number starts with.</param>
    /// <param name="enclosures">What belongs with the case (a reporter's photos, a tracking code), written in its transaction.</param>
    public Task<Case> WriteAsync(
        string streetCode, Func<string, DateTime, IReadOnlyList<Attachment>, Case> report, CaseEnclosures enclosures, CancellationToken cancellationToken)
    {
        var pending = new Pending(streetCode, report, enclosures);
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
        (await WriteUnitAsync([pending], cancellationToken))[0];

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            var cases = await WriteUnitAsync(batch, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++) batch[i].Complete(cases[i]);
        }
        catch (Exception e)
        {
            foreach (var pending in batch) pending.Fail(e);
        }
    }

    /// <summary>One transaction for <paramref name="reports"/>; numbers from this server's blocks are taken before it begins.</summary>
    private async Task<List<Case>> WriteUnitAsync(IReadOnlyList<Pending> reports, CancellationToken cancellationToken)
    {
        var nowUtc = _clock.GetUtcNow().UtcDateTime;
        var blocks = _blocks;
        if (blocks is not null)
        {
            var numbers = await NumbersAsync(reports, (street, count) => blocks.TakeAsync(street, nowUtc, count, cancellationToken));
            return await _unitOfWork.WriteAsync(db => WriteCasesAsync(db, reports, nowUtc, numbers), cancellationToken);
        }
        return await _unitOfWork.WriteAsync(async db => await WriteCasesAsync(db, reports, nowUtc,
            await NumbersAsync(reports, (street, count) => CaseNumberAllocator.NextAsync(db, street, nowUtc, count, CancellationToken.None))), cancellationToken);
    }

    /// <summary>Each report's number, in arrival order per street.</summary>
    private static async Task<string[]> NumbersAsync(IReadOnlyList<Pending> reports, Func<string, int, Task<IReadOnlyList<string>>> take)
    {
        var numbers = new string[reports.Count];
        foreach (var street in reports.Select((r, i) => (r.StreetCode, Index: i)).GroupBy(r => r.StreetCode, StringComparer.Ordinal))
        {
            var next = new Queue<string>(await take(street.Key, street.Count()));
            foreach (var (_, index) in street) numbers[index] = next.Dequeue();
        }
        return numbers;
    }

    /// <summary>Adds the reports' cases and enclosures to the unit of work.</summary>
    private static async Task<List<Case>> WriteCasesAsync(CommandCenterDbContext db, IReadOnlyList<Pending> reports, DateTime nowUtc, string[] numbers)
    {
        CaseBatchSave.Request(db);
        var cases = new List<Case>(reports.Count);
        for (var i = 0; i < reports.Count; i++)
        {
            var @case = reports[i].Report(numbers[i], nowUtc, await reports[i].Enclosures.AttachmentsAsync(db));
            db.Cases.Add(@case);
            reports[i].Enclosures.AddTo(db, @case);
            cases.Add(@case);
        }
        return cases;
    }

    /// <summary>A report waiting for its batch: withdrawn by its caller, or taken by the writer — never both.</summary>
    private sealed class Pending(string streetCode, Func<string, DateTime, IReadOnlyList<Attachment>, Case> report, CaseEnclosures enclosures)
    {
        private const int Waiting = 0, Writing = 1, Withdrawn = 2;
        private readonly TaskCompletionSource<Case> _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenRegistration _withdrawal;
        private int _stage;

        public string StreetCode { get; } = streetCode;
        public Func<string, DateTime, IReadOnlyList<Attachment>, Case> Report { get; } = report;
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
