using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommandCenter.Infrastructure.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task SqliteMigrations_AppliedToAFreshFile_LeaveNoPendingModelChanges()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        Assert.NotEmpty(db.Database.GetAppliedMigrations());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServerMigrations_GenerateAnIdempotentScript()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Cases]", script);
        Assert.Contains("CREATE TABLE [TimelineEvents]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Cases_Number]", script);
    }
}
