using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Notices;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Persistence;

/// <summary>The notice worker's claim read, locked by <see cref="SkipLockedRows"/> on the server databases.</summary>
public sealed class SkipLockedRowsTests
{
    [Fact]
    public async Task DueNotices_OnPostgreSql_ASecondTransactionPassesOverTheRowsTheFirstHolds()
    {
        await using var database = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        var now = database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = database.NewContext())
        {
            db.Notices.AddRange(Enumerable.Range(0, 10).Select(i => new Notice
            {
                Kind = NoticeKind.Dispatched, RecipientName = "李四", Phone = "13900000000", Text = "测试通知", IsUrgent = true,
                CreatedAtUtc = now, DueAtUtc = now.AddMinutes(-i),
            }));
            await db.SaveChangesAsync();
        }

        await using var first = database.NewContext();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        var held = await NoticeWorker.LockDueAsync(first, now, 4, CancellationToken.None);
        await using var second = database.NewContext();
        await using var secondTransaction = await second.Database.BeginTransactionAsync();
        var rest = await NoticeWorker.LockDueAsync(second, now, 10, CancellationToken.None);

        Assert.Equal(4, held.Count);
        Assert.Equal(6, rest.Count);
        Assert.Empty(held.Intersect(rest));
    }

    [Fact]
    public async Task DueNotices_OnSqlServer_AreReadWithUpdateLocksPastLockedRows()
    {
        var sqlServer = new SqlServerTranslation();
        await using var db = await sqlServer.CreateDbContextAsync();

        await NoticeWorker.LockDueAsync(db, TestDatabase.Start.UtcDateTime, 40, CancellationToken.None);

        Assert.Contains("FROM [Notices] AS [n] WITH (UPDLOCK, READPAST, ROWLOCK)", Assert.Single(sqlServer.Commands));
    }

    [Fact]
    public async Task AnUntaggedRead_OnSqlServer_TakesNoLocks()
    {
        var sqlServer = new SqlServerTranslation();
        await using var db = await sqlServer.CreateDbContextAsync();

        await db.Notices.Where(n => n.State == NoticeState.Pending).Select(n => n.Id).ToListAsync();

        Assert.DoesNotContain("UPDLOCK", Assert.Single(sqlServer.Commands));
    }
}
