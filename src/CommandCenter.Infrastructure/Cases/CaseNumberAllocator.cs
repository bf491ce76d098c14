using System.Globalization;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// Hands out the next number of a street's day inside the caller's transaction, from a
/// counter row: a number is used once even with several servers, and a rolled-back
/// intake gives its number back.
/// </summary>
public static class CaseNumberAllocator
{
    public static async Task<string> NextAsync(CommandCenterDbContext db, string streetCode, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var localDay = ChinaTime.LocalDate(nowUtc);
        var day = localDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var counters = db.CaseNumberCounters.Where(c => c.StreetCode == streetCode && c.Day == day);
        if (await counters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken) == 0
            && await TryStartDayAsync(db, streetCode, day, cancellationToken))
            return CaseNumber.Format(streetCode, localDay, 1);
        var last = await counters.Select(c => c.Last).SingleAsync(cancellationToken);
        return CaseNumber.Format(streetCode, localDay, last);
    }

    /// <summary>First number of the day; false when another server started the day a moment before.</summary>
    private static async Task<bool> TryStartDayAsync(CommandCenterDbContext db, string streetCode, string day, CancellationToken cancellationToken)
    {
        var counter = db.CaseNumberCounters.Add(new CaseNumberCounter { StreetCode = streetCode, Day = day, Last = 1 });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            var counters = db.CaseNumberCounters.Where(c => c.StreetCode == streetCode && c.Day == day);
            await counters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken);
            return false;
        }
        finally
        {
            counter.State = EntityState.Detached;
        }
    }
}
