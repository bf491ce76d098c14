using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Persistence;

/// <summary>
/// The case's clock is a complex property of the case, stored in the columns the case had
/// before it was one: the same names, the same indexes, and every value back as it was saved.
/// </summary>
public sealed class CaseClockPersistenceTests
{
    /// <summary>
    /// The columns of Cases before the clock became a value object, the two the sign-for lapse added since, the three of the
    /// handling record's round and the 督办 reply's: each is still there under its name (later features may add columns of their own).
    /// </summary>
    private static readonly string[] CaseColumns =
    [
        "Id", "BuildingId", "CategoryCode", "Channel", "ClosedAtUtc", "CommunityId", "CourtyardId", "CurrentUnitId", "Description",
        "DispatchedAtUtc", "DoneAtUtc", "EscalationCount", "EventCount", "HandlingDeadlineUtc", "HandlingLimit", "IsArbitrated",
        "IsDeferred", "IsSupervised", "LastChangedAtUtc", "Latitude", "Level", "Longitude", "MergedIntoCaseId", "NextTimerAtUtc",
        "Number", "OverdueAtUtc", "PolicyId", "PolicyRevision", "Rating", "RatingComment", "RatingSource", "RejectionReason",
        "ReportedAtUtc", "ReporterName", "ReporterPhone", "ResultSummary", "ReturnCount", "ReturnsAtLevel", "ReworkCount",
        "SignDeadlineUtc", "SignForLimit", "SignOverdueAtUtc", "SignedAtUtc", "State", "StreetId", "SupervisionCount", "TimeBasis",
        "Urgency", "VerifiedAtUtc", "Version", "WarnedAtUtc", "WarningAtUtc", "WarningShare",
        "SignForLapse", "SignLapseDeadlineUtc",
        "ReworkStartedAtUtc", "Postponements", "HandlingLateAtUtc",
        "AutoSuperviseOnOverdue", "SupervisedAtUtc", "SupervisedBy", "SupervisionNote", "SupervisionReplyDueUtc", "SupervisionAutomatic",
        "SupervisionAnsweredAtUtc", "SupervisionAnsweredBy", "SupervisionAnswer", "SupervisionOverdueAtUtc",
        "RequestKind", "RequestReason", "RequestedDeadlineUtc", "RequestedAtUtc", "RequestedBy",
    ];

    /// <summary>The indexes of Cases before, each with its columns in order, and those added since: the facility's (issue 17), the closing's (assessment).</summary>
    private static readonly string[] CaseIndexes =
    [
        "IX_Cases_ClosedAtUtc(ClosedAtUtc)",
        "IX_Cases_CommunityId_State_ReportedAtUtc(CommunityId,State,ReportedAtUtc)",
        "IX_Cases_CourtyardId_CategoryCode_ReportedAtUtc(CourtyardId,CategoryCode,ReportedAtUtc)",
        "IX_Cases_CourtyardId_ReportedAtUtc(CourtyardId,ReportedAtUtc)",
        "IX_Cases_CurrentUnitId_State(CurrentUnitId,State)",
        "IX_Cases_FacilityId_ReportedAtUtc(FacilityId,ReportedAtUtc)",
        "IX_Cases_HandlingDeadlineUtc(HandlingDeadlineUtc)",
        "IX_Cases_NextTimerAtUtc(NextTimerAtUtc)",
        "IX_Cases_Number(Number)",
        "IX_Cases_ReportedAtUtc(ReportedAtUtc)",
        "IX_Cases_State_HandlingDeadlineUtc(State,HandlingDeadlineUtc)",
        "IX_Cases_State_ReportedAtUtc(State,ReportedAtUtc)",
    ];

    [Fact]
    public async Task ModelCreatedOnAFreshFile_CasesHasTheColumnsAndIndexesItHadBefore()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-model-{Guid.NewGuid():N}.db");
        try
        {
            var options = DatabaseSetup.Sqlite(new DbContextOptionsBuilder<SqliteCommandCenterDbContext>(), $"Data Source={path}");
            await using (var db = new SqliteCommandCenterDbContext((DbContextOptions<SqliteCommandCenterDbContext>)options.Options))
                await db.Database.EnsureCreatedAsync();

            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            Assert.Empty(CaseColumns.Except(await ColumnsAsync(connection)));
            Assert.Equal(CaseIndexes, await IndexesAsync(connection));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task MigratedFile_CasesHasTheColumnsAndIndexesItHadBefore()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();

        Assert.Empty(CaseColumns.Except(await ColumnsAsync(connection)));
        Assert.Equal(CaseIndexes, await IndexesAsync(connection));
    }

    [Fact]
    public async Task OverdueAtDistrictLevel_SavedAndReloaded_ClockComesBackEqualFromItsOldColumns()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await DistrictCaseAsync(database);
        Case saved;
        await using (var db = database.NewContext())
        {
            saved = await db.Cases.Include(c => c.Parts).SingleAsync(c => c.Id == id);
            var now = database.Clock.GetUtcNow().UtcDateTime;
            saved.Sign(database.Actor().Actor, now, DeadlineRules.Default);
            saved.FireDueTimers(saved.Clock.HandlingDeadlineUtc!.Value.AddMinutes(1), Actor.System(ActSource.Timer), DeadlineRules.Default);
            await db.SaveChangesAsync();
        }

        var loaded = await LoadAsync(database, id);

        Assert.NotNull(loaded.Clock.WarnedAtUtc);
        Assert.NotNull(loaded.Clock.OverdueAtUtc);
        Assert.Equal(saved.Clock, loaded.Clock);
        Assert.Equal(saved.NextTimerAtUtc, loaded.NextTimerAtUtc);
        await using var check = database.NewContext();
        Assert.Equal(saved.Clock.OverdueAtUtc, await check.Database.SqlQuery<DateTime?>($"SELECT OverdueAtUtc AS Value FROM Cases WHERE Id = {id}").SingleAsync());
        Assert.Equal(saved.Clock.HandlingDeadlineUtc, await check.Database.SqlQuery<DateTime?>($"SELECT HandlingDeadlineUtc AS Value FROM Cases WHERE Id = {id}").SingleAsync());
        Assert.Equal(saved.Clock.HandlingLimit!.Value.Ticks, await check.Database.SqlQuery<long>($"SELECT HandlingLimit AS Value FROM Cases WHERE Id = {id}").SingleAsync());
        Assert.Equal(saved.Clock.TimeBasis.ToString(), await check.Database.SqlQuery<string>($"SELECT TimeBasis AS Value FROM Cases WHERE Id = {id}").SingleAsync());
    }

    [Theory, TestedProviders]
    public async Task PostponedThenDeferred_SavedThroughTheService_ClockComesBackEqual(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var id = await DistrictCaseAsync(database);
        await database.Cases.ExecuteAsync(id, new SignCase(), database.Actor());
        var signed = await LoadAsync(database, id);
        await database.Cases.ExecuteAsync(id, new RequestPostponement("等待配件", signed.Clock.HandlingDeadlineUtc!.Value.AddDays(3)), database.Actor());
        await database.Cases.ExecuteAsync(id, new ApproveRequest(), database.Actor());
        var postponed = await LoadAsync(database, id);
        var reviewAt = postponed.Clock.HandlingDeadlineUtc!.Value.AddDays(30);
        await database.Cases.ExecuteAsync(id, new RequestDeferral("需要专项资金", reviewAt), database.Actor());
        await database.Cases.ExecuteAsync(id, new ApproveRequest(), database.Actor());

        var deferred = await LoadAsync(database, id);

        Assert.Equal(signed.Clock.HandlingDeadlineUtc!.Value.AddDays(3), postponed.Clock.HandlingDeadlineUtc);
        Assert.Equal(postponed.Clock.Deferred(database.Clock.GetUtcNow().UtcDateTime, reviewAt), deferred.Clock);
        Assert.True(deferred.Clock.IsDeferred);
        Assert.Equal(reviewAt, deferred.NextTimerAtUtc);
    }

    [Fact]
    public async Task ClockColumns_FilteredAndSortedInTheDatabase_UseTheirIndexes()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var sql = db.Cases.Where(c => c.State == CaseState.InProgress).OrderBy(c => c.Clock.HandlingDeadlineUtc).Select(c => c.Id).ToQueryString();

        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));

        Assert.Contains(plan, step => step.Contains("IX_Cases_State_HandlingDeadlineUtc", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    /// <summary>A case accepted at district level and dispatched to a department: its clock runs on the seeded policies.</summary>
    private static async Task<Guid> DistrictCaseAsync(TestDatabase database)
    {
        var department = database.Directory.Units.First(u => u.Kind == UnitKind.DistrictDepartment);
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        await database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.District), database.Actor());
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        await database.Cases.ExecuteAsync(id, new DispatchCase(department.Id), database.Actor());
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        return id;
    }

    private static async Task<Case> LoadAsync(TestDatabase database, Guid id)
    {
        await using var db = database.NewContext();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection)
    {
        var columns = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('Cases')";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }

    private static async Task<List<string>> IndexesAsync(SqliteConnection connection)
    {
        var indexes = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT il.name || '(' || (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(il.name) ORDER BY seqno)) || ')'
            FROM pragma_index_list('Cases') AS il WHERE il.name LIKE 'IX\_%' ESCAPE '\' ORDER BY il.name
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) indexes.Add(reader.GetString(0));
        return indexes;
    }
}
