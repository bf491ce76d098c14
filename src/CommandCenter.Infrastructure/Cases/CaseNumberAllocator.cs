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
        var last = (await db.Database.SqlQuery<int>(Claim(db, streetCode, day, count)).ToListAsync(cancellationToken)).Single();
        return [.. Enumerable.Range(last - count + 1, count).Select(n => CaseNumber.Format(streetCode, localDay, n))];
    }

    /// <summary>
    /// Starts the day or moves its counter on in one statement that returns the new last number: no failed insert for
    /// two servers starting the same day (which on PostgreSQL would abort the caller's transaction), and one round trip
    /// per batch where an update and a read took two.
    /// </summary>
    private static FormattableString Claim(CommandCenterDbContext db, string streetCode, string day, int count) =>
        db.Database.IsSqlServer()
            ? (FormattableString)$"""
               MERGE [CaseNumberCounters] WITH (HOLDLOCK) AS c
               USING (SELECT {streetCode} AS [StreetCode], {day} AS [Day]) AS d ON c.[StreetCode] = d.[StreetCode] AND c.[Day] = d.[Day]
               WHEN MATCHED THEN UPDATE SET c.[Last] = c.[Last] + {count}
               WHEN NOT MATCHED THEN INSERT ([StreetCode], [Day], [Last]) VALUES ({streetCode}, {day}, {count})
               OUTPUT inserted.[Last] AS [Value];
               """
            : $"""
               INSERT INTO "CaseNumberCounters" ("StreetCode", "Day", "Last") VALUES ({streetCode}, {day}, {count})
               ON CONFLICT ("StreetCode", "Day") DO UPDATE SET "Last" = "CaseNumberCounters"."Last" + excluded."Last"
               RETURNING "Last" AS "Value"
               """;
}
