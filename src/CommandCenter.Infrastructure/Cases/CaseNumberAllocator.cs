using System.Globalization;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Hands out the next numbers of a street's day inside the caller's transaction, from a
/// counter row: a number is used once even with several servers, and a rolled-back
/// intake gives its numbers back.
/// </summary>
public static class CaseNumberAllocator
{
    public static async Task<IReadOnlyList<string>> NextAsync(
        CommandCenterDbContext db, string streetCode, DateTime nowUtc, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var localDay = ChinaTime.LocalDate(nowUtc);
        var day = localDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var counters = db.CaseNumberCounters.Where(c => c.StreetCode == streetCode && c.Day == day);
        int last;
        if (await counters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + count), cancellationToken) == 0
            && await TryStartDayAsync(db, streetCode, day, count, cancellationToken))
            last = count;
        else
            last = await counters.Select(c => c.Last).SingleAsync(cancellationToken);
        return [.. Enumerable.Range(last - count + 1, count).Select(n => CaseNumber.Format(streetCode, localDay, n))];
    }

    /// <summary>First numbers of the day; false when another server started the day a moment before.</summary>
    private static async Task<bool> TryStartDayAsync(CommandCenterDbContext db, string streetCode, string day, int count, CancellationToken cancellationToken)
    {
        var counter = db.CaseNumberCounters.Add(new CaseNumberCounter { StreetCode = streetCode, Day = day, Last = count });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            var counters = db.CaseNumberCounters.Where(c => c.StreetCode == streetCode && c.Day == day);
            await counters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + count), cancellationToken);
            return false;
        }
        finally
        {
            counter.State = EntityState.Detached;
        }
    }
}
