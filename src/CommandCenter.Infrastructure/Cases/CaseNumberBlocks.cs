using System.Collections.Concurrent;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Persistence;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Case numbers for a server database, where several servers write at once (docs/decisions/0018): each server claims a
/// block of a street's day's numbers in a short transaction of its own and hands them out from memory, so an intake's
/// transaction never holds the street's counter row. Numbers stay unique; a block's numbers left unused when its server
/// stops, and a failed intake's, are gaps, and two servers' numbers interleave out of arrival order.
/// </summary>
public sealed class CaseNumberBlocks(UnitOfWork unitOfWork)
{
    /// <summary>At 1,000 cases/s a claim every 0.1 s; at most 99 numbers skipped per server and restart.</summary>
    public const int BlockSize = 100;

    private readonly ConcurrentDictionary<string, Street> _streets = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="count"/> numbers of the street's (China) day of <paramref name="nowUtc"/>.</summary>
    public async Task<IReadOnlyList<string>> TakeAsync(string streetCode, DateTime nowUtc, int count, CancellationToken cancellationToken)
    {
        var street = _streets.GetOrAdd(streetCode, _ => new Street());
        var day = ChinaTime.LocalDate(nowUtc);
        await street.Turn.WaitAsync(cancellationToken);
        try
        {
            // Yesterday's unused numbers are dropped with their day.
            if (street.Day != day) (street.Day, street.Numbers) = (day, new Queue<string>());
            if (street.Numbers.Count < count)
            {
                var claimed = await unitOfWork.WriteAsync(
                    db => CaseNumberAllocator.NextAsync(db, streetCode, nowUtc, Math.Max(BlockSize, count - street.Numbers.Count), cancellationToken),
                    cancellationToken);
                foreach (var number in claimed) street.Numbers.Enqueue(number);
            }
            return [.. Enumerable.Range(0, count).Select(_ => street.Numbers.Dequeue())];
        }
        finally
        {
            street.Turn.Release();
        }
    }

    private sealed class Street
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);
        public DateOnly Day { get; set; }
        public Queue<string> Numbers { get; set; } = new();
    }
}
