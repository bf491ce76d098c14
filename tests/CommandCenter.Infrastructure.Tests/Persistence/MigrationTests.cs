using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
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

    /// <summary>
    /// Each SQLite migration undone and redone, newest first, leaves the schema as it found it. SQLite drops a
    /// column by rebuilding the table from the previous migration's model, so a migration merged from a branch
    /// that did not know an earlier one would silently lose that one's columns on the way down.
    /// </summary>
    [Fact]
    public async Task SqliteMigrations_EachUndoneAndRedone_LeaveTheSchemaAsItWas()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var schema = await SchemaAsync(database.Path);

        foreach (var previous in migrations.SkipLast(1).TakeLast(RecentMigrations).Reverse())
        {
            await migrator.MigrateAsync(previous);
            await migrator.MigrateAsync();
            Assert.Equal(schema, await SchemaAsync(database.Path));
        }
    }

    /// <summary>
    /// The StaffPosts migration moves each person's one role, unit, community and grid into their post 1, and back when undone:
    /// down and up again, every person still holds the first post they held.
    /// </summary>
    [Fact]
    public async Task StaffPosts_UndoneAndRedone_KeepsEveryPersonsFirstPost()
    {
        await using var database = await TestDatabase.CreateAsync();
        List<(int, AccessRole, int?, int?, int?)> before;
        await using (var db = database.NewContext()) before = FirstPosts(await db.Staff.AsNoTracking().ToListAsync());
        await using (var db = database.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_StaffPosts", StringComparison.Ordinal)) - 1]);
            await migrator.MigrateAsync();
        }

        await using var after = database.NewContext();
        Assert.NotEmpty(before);
        Assert.Equal(before, FirstPosts(await after.Staff.AsNoTracking().ToListAsync()));

        static List<(int, AccessRole, int?, int?, int?)> FirstPosts(List<Domain.Organisation.Staff> staff) =>
            [.. staff.OrderBy(s => s.Id).Select(s => s.Posts.Single(p => p.Number == 1)).Zip(staff.OrderBy(s => s.Id))
                .Select(x => (x.Second.Id.Value, x.First.Role, x.First.UnitId?.Value, x.First.CommunityId?.Value, x.First.GridId?.Value))];
    }

    /// <summary>How far back the round trip goes: the migrations that branches may still be merging.</summary>
    private const int RecentMigrations = 8;

    /// <summary>Every table's columns and every index, by name, as SQLite reports them.</summary>
    private static async Task<List<string>> SchemaAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT m.name || '.' || p.name || ':' || p.type || ':' || p.\"notnull\" FROM sqlite_master m JOIN pragma_table_info(m.name) p " +
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' UNION ALL SELECT 'index ' || name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task PostgreSqlMigrations_AppliedToAFreshDatabase_LeaveNoPendingModelChanges_AndTheAuditLogReads()
    {
        await using var database = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        await using var db = database.NewContext();

        Assert.NotEmpty(db.Database.GetAppliedMigrations());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(["Reported"], await db.AuditRecords.Where(e => e.CaseId == id).Select(e => e.Action).ToListAsync());
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

    [Fact]
    public async Task SignForLapse_ExistingPoliciesReturnToDispatch_AndCasesDispatchedBeforeHaveNoLapse()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        await database.Cases.ExecuteAsync(id, new Infrastructure.Cases.AcceptCase(Domain.Organisation.HandlingLevel.District), database.Actor());
        await database.Cases.ExecuteAsync(id, new Infrastructure.Cases.DispatchCase(
            database.Directory.Units.First(u => u.Kind == Domain.Organisation.UnitKind.DistrictDepartment).Id), database.Actor());
        await using var db = database.NewContext();
        var migrator = db.GetService<IMigrator>();
        var lapse = db.Database.GetMigrations().Single(m => m.EndsWith("_SignForLapse", StringComparison.Ordinal));

        await migrator.MigrateAsync(db.Database.GetMigrations().TakeWhile(m => m != lapse).Last());
        await migrator.MigrateAsync();

        Assert.NotEmpty(await db.TimePolicies.ToListAsync());
        Assert.All(await db.TimePolicies.ToListAsync(), p => Assert.Equal(Domain.Policies.SignForLapse.ReturnToDispatch, p.SignForLapse));
        var dispatched = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.NotNull(dispatched.Clock.SignDeadlineUtc);
        Assert.Equal((null, null), (dispatched.Clock.SignLapseDeadlineUtc, dispatched.Clock.SignForLapse));
        Assert.Equal(dispatched.Clock.SignDeadlineUtc, dispatched.NextTimerAtUtc);
    }

    [Fact]
    public async Task SupervisionReplies_ExistingPoliciesSuperviseOnOverdue_AndAnOpenFlagBecomesAnAnswerableSupervision()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        await database.Cases.ExecuteAsync(id, new Infrastructure.Cases.AcceptCase(Domain.Organisation.HandlingLevel.District), database.Actor());
        await database.Cases.ExecuteAsync(id, new Infrastructure.Cases.DispatchCase(
            database.Directory.Units.First(u => u.Kind == Domain.Organisation.UnitKind.DistrictDepartment).Id), database.Actor());
        await database.Cases.ExecuteAsync(id, new Infrastructure.Cases.SuperviseCase("尽快"), database.Actor());
        await using var db = database.NewContext();
        var migrator = db.GetService<IMigrator>();
        var replies = db.Database.GetMigrations().Single(m => m.EndsWith("_SupervisionReplies", StringComparison.Ordinal));

        await migrator.MigrateAsync(db.Database.GetMigrations().TakeWhile(m => m != replies).Last());
        await migrator.MigrateAsync();

        Assert.NotEmpty(await db.TimePolicies.ToListAsync());
        Assert.All(await db.TimePolicies.ToListAsync(), p => Assert.True(p.AutoSuperviseOnOverdue));
        var supervised = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.True(supervised.IsSupervised);
        Assert.Equal(supervised.LastChangedAtUtc, supervised.Supervision?.OverdueAtUtc);
        var answered = await database.Cases.ExecuteAsync(id, new Infrastructure.Cases.AnswerSupervisionCase("已到场"), database.Actor());
        Assert.False(answered.IsSupervised);
    }

    private const string Respelling = "_SourcesAndRolesAsEnums";

    /// <summary>
    /// Every spelling an earlier version stored (the demo data's own, the benchmark's, the API caller before
    /// sign-in) and the value it means now; spellings that already name a value stay as they are.
    /// </summary>
    private static readonly (string Source, string Role, ActSource NowSource, AccessRole NowRole)[] StoredBefore =
    [
        ("Mobile", "GridWorker", ActSource.Phone, AccessRole.GridWorker),
        ("ResidentQr", "Resident", ActSource.Public, AccessRole.Resident),
        ("Sms", "Resident", ActSource.Public, AccessRole.Resident),
        ("Api", "ExternalSystem", ActSource.Api, AccessRole.System),
        ("Benchmark", "Dispatcher", ActSource.Simulator, AccessRole.Dispatcher),
        ("Console", "Dispatcher", ActSource.Console, AccessRole.Dispatcher),
        ("Phone", "PropertyStaff", ActSource.Phone, AccessRole.PropertyStaff),
        ("Public", "Resident", ActSource.Public, AccessRole.Resident),
        ("Timer", "System", ActSource.Timer, AccessRole.System),
        ("Simulator", "MicroGridMember", ActSource.Simulator, AccessRole.MicroGridMember),
        ("Display", "Display", ActSource.Display, AccessRole.Display),
    ];

    [Fact]
    public async Task SqliteRespelling_OldSourcesAndRoles_ReadAsTheValuesTheyMeanNow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-respell-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = SqliteContext(path))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var before = migrations[migrations.FindIndex(m => m.EndsWith(Respelling, StringComparison.Ordinal)) - 1];
                await db.GetService<IMigrator>().MigrateAsync(before);
            }
            await InsertAsOlderVersionsDidAsync(path);

            await using (var db = SqliteContext(path))
            {
                await db.Database.MigrateAsync();
                var expected = StoredBefore.Select(r => (r.NowSource, r.NowRole)).ToList();
                Assert.Equal(expected, (await db.TimelineEvents.OrderBy(e => e.Sequence).Select(e => new { e.Source, e.ActorRole }).ToListAsync()).Select(e => (e.Source, e.ActorRole)));
                Assert.Equal(expected, (await db.AuditEntries.OrderBy(e => e.Id).Select(e => new { e.Source, e.ActorRole }).ToListAsync()).Select(e => (e.Source, e.ActorRole)));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    [Fact]
    public void SqlServerRespelling_UpdatesBothTablesInSqlServerSyntax()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var migrations = db.Database.GetMigrations().ToList();
        var respelling = migrations.Single(m => m.EndsWith(Respelling, StringComparison.Ordinal));

        var script = db.GetService<IMigrator>().GenerateScript(migrations[migrations.IndexOf(respelling) - 1], respelling);

        Assert.Contains("UPDATE [TimelineEvents] SET [Source] = 'Phone' WHERE [Source] = 'Mobile';", script);
        Assert.Contains("UPDATE [AuditEntries] SET [Source] = 'Public' WHERE [Source] = 'Sms';", script);
        Assert.Contains("UPDATE [AuditEntries] SET [ActorRole] = 'System' WHERE [ActorRole] = 'ExternalSystem';", script);
    }

    private static SqliteCommandCenterDbContext SqliteContext(string path)
    {
        var options = new DbContextOptionsBuilder<SqliteCommandCenterDbContext>();
        DatabaseSetup.Sqlite(options, $"Data Source={path}");
        return new SqliteCommandCenterDbContext(options.Options);
    }

    /// <summary>One timeline event and one audit entry per spelling, as plain SQL: the model of this version cannot write them.</summary>
    private static async Task InsertAsOlderVersionsDidAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The events belong to no case: only their source and role matter here.
        command.CommandText = "PRAGMA foreign_keys = OFF;";
        await command.ExecuteNonQueryAsync();
        command.CommandText = """
            INSERT INTO "TimelineEvents" ("CaseId", "Sequence", "Type", "OccurredAtUtc", "ActorName", "ActorRole", "Source", "ToState", "Level")
            VALUES ($case, $sequence, 'Reported', '2026-11-24 01:00:00', 'someone', $role, $source, 'Reported', 'Courtyard');
            INSERT INTO "AuditEntries" ("AtUtc", "Action", "ActorName", "ActorRole", "Source")
            VALUES ('2026-11-24 01:00:00', 'Reported', 'someone', $role, $source);
            """;
        var caseId = Guid.NewGuid().ToString().ToUpperInvariant();
        for (var i = 0; i < StoredBefore.Length; i++)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$case", caseId);
            command.Parameters.AddWithValue("$sequence", i + 1);
            command.Parameters.AddWithValue("$role", StoredBefore[i].Role);
            command.Parameters.AddWithValue("$source", StoredBefore[i].Source);
            await command.ExecuteNonQueryAsync();
        }
    }
}
