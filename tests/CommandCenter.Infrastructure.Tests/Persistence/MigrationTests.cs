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
        Assert.Contains("EXEC('CREATE VIEW AuditLog AS", script);
    }

    [Fact]
    public async Task AuditLogView_ReplacesTheCopiedAuditEntries_AndGoingBackRestoresThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        await database.Cases.ExecuteAsync(id, new Infrastructure.Cases.AcceptCase(), database.Actor());
        await using var db = database.NewContext();
        var migrator = db.GetService<IMigrator>();
        var view = db.Database.GetMigrations().Single(m => m.EndsWith("_AuditLogView", StringComparison.Ordinal));
        var before = db.Database.GetMigrations().TakeWhile(m => m != view).Last();

        await migrator.MigrateAsync(before);
        Assert.Equal(["Reported", "Accepted"], await db.AuditEntries.Where(e => e.CaseId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        await migrator.MigrateAsync();

        Assert.False(await db.AuditEntries.AnyAsync(e => e.CaseId == id));
        Assert.Equal(["Accepted", "Reported"], await db.AuditRecords.Where(e => e.CaseId == id).OrderByDescending(e => e.RowId).Select(e => e.Action).ToListAsync());
    }
}
