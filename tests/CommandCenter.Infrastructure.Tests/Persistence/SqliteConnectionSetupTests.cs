using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Cases.Search;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Persistence;

/// <summary>
/// The pool keeps native SQLite connections open across many opens by many contexts, and the app sets them
/// up once each: every connection, new or reused, has the pragmas and the search function its inserts need.
/// </summary>
public sealed class SqliteConnectionSetupTests
{
    [Fact]
    public async Task EveryConnection_NewOrReusedFromThePool_HasTheSettingsAndTheSearchFunction()
    {
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 50; i++)
        {
            await using var reused = database.NewContext();
            await reused.Database.ExecuteSqlRawAsync("SELECT 1");
        }

        // Two contexts open at once hold two native connections: one from the pool, one new.
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        await first.Database.OpenConnectionAsync();
        await second.Database.OpenConnectionAsync();

        foreach (var context in new[] { first, second })
        {
            Assert.Equal(10_000L, await ScalarAsync(context, "PRAGMA busy_timeout"));
            Assert.Equal((long)SqliteConnectionSetup.BackstopCheckpointPages, await ScalarAsync(context, "PRAGMA wal_autocheckpoint"));
            Assert.Equal(SearchText.Tokens("楼道漏水"), await ScalarAsync(context, $"SELECT {SearchText.SqlFunction}('楼道漏水')"));
        }
        var reported = await database.Cases.ReportAsync(database.Report(description: "连接池复用后楼道漏水"), database.Actor());
        var found = await database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Search = "楼道漏水" });
        Assert.Equal([reported.Id], found.Items.Select(c => c.Id));
    }

    private static async Task<object?> ScalarAsync(CommandCenterDbContext context, string sql)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
