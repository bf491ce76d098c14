using System.Data.Common;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Infrastructure.Tests.Persistence;

/// <summary>
/// A sweep batch's and an intake batch's cases written by the batch save store exactly what EF Core would, on SQLite
/// and on PostgreSQL, and a stale case still fails the save.
/// </summary>
public sealed class CaseBatchSaveTests
{
    [Theory, TestedProviders]
    public async Task TimersFired_StoreTheSameRowsAsEfCore_WithoutEfCommandsForThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var batched = await SignedCaseAsync(database);
        var byEf = await SignedCaseAsync(database);

        List<CaseEvent> published = [];
        using var subscription = database.Events.Subscribe(events => { lock (published) published.AddRange(events); });
        using var commands = new ExecutedCommands();
        // EF Core asks whether anyone listens to its commands at most once a second (its logging cache time).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        // The warning, then the handling limit: a case update with an event, then an escalation with its handling record.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var seen = commands.Texts.Count;
            await FireNextTimerAsync(database, batched, batch: true);
            Assert.DoesNotContain(commands.Texts.Skip(seen), c => WritesCaseRows(database, c));
            seen = commands.Texts.Count;
            await FireNextTimerAsync(database, byEf, batch: false);
            Assert.Contains(commands.Texts.Skip(seen), c => WritesCaseRows(database, c));
        }

        Assert.Equal(await RowsAsync(database, byEf), await RowsAsync(database, batched));
        var detail = await database.Queries.DetailAsync(TestDatabase.Everyone, batched);
        Assert.Equal((HandlingLevel.Community, CaseState.PendingDispatch), (detail!.Level, detail.State));
        Assert.Equal([CaseEventType.Warned, CaseEventType.Escalated], detail.Timeline.Where(e => e.Source == DeadlineSweeper.Timer.Source).Select(e => e.Type));
        Assert.Equal(HandlingOutcome.Escalated, Assert.Single(detail.HandlingRecords).Outcome);
        lock (published) Assert.Equal([CaseEventType.Warned, CaseEventType.Escalated], published.Where(e => e.CaseId == batched).Select(e => e.Type));
    }

    [Theory, TestedProviders]
    public async Task IntakeBatch_StoresTheSameRowsAsEfCore_WithoutEfCommandsForThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        using var commands = new ExecutedCommands();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var reported = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => database.Cases.ReportAsync(database.Report(), TestDatabase.Everyone)));
        Assert.DoesNotContain(commands.Texts, command => IsOurs(database, command) && command.Text.Contains("INSERT INTO \"Cases\""));

        // The same report written by EF Core alone, at the same instant.
        var first = reported[0];
        var byEf = await database.Service<UnitOfWork>().WriteAsync(db =>
        {
            var directory = database.Directory;
            var request = database.Report();
            var courtyard = directory.Courtyard(request.CourtyardId!.Value)!;
            var @case = Case.Report("EF", directory.StreetOf(courtyard)!.Id, request.Channel!.Value, directory.Category(request.CategoryCode)!, request.Urgency!.Value,
                courtyard, null, request.Description, new Reporter(request.ReporterName, request.ReporterPhone),
                null, null, TestDatabase.Everyone.Actor, first.ReportedAtUtc, database.Service<DeadlineRulesProvider>().Rules);
            db.Cases.Add(@case);
            return Task.FromResult(@case.Id);
        }, CancellationToken.None);

        foreach (var @case in reported) Assert.Equal(await RowsAsync(database, byEf), await RowsAsync(database, @case.Id));
        var detail = await database.Queries.DetailAsync(TestDatabase.Everyone, first.Id);
        Assert.Equal((first.Number, CaseState.Reported), (detail!.Number, detail.State));
        Assert.Equal(CaseEventType.Reported, Assert.Single(detail.Timeline).Type);
    }

    [Theory, TestedProviders]
    public async Task CaseChangedMeanwhile_SaveFails_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var id = await SignedCaseAsync(database);
        var before = await RowsAsync(database, id);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => database.Service<UnitOfWork>().WriteAsync(async db =>
        {
            CaseBatchSave.Request(db);
            var @case = await db.Cases.Include(c => c.Parts).SingleAsync(c => c.Id == id);
            @case.FireDueTimers(@case.NextTimerAtUtc!.Value, DeadlineSweeper.Timer, database.Service<DeadlineRulesProvider>().Rules);
            // Another writer's commit, as the sweep would meet it.
            await db.Database.ExecuteSqlAsync($"UPDATE \"Cases\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = {id}");
        }, CancellationToken.None));

        Assert.Equal(before, await RowsAsync(database, id));
    }

    /// <summary>A command sent to this test's database: its SQLite file, or its database on the shared PostgreSQL server.</summary>
    private static bool IsOurs(TestDatabase database, ExecutedCommand command) => database.Store.SqliteFile is { } file
        ? command.DataSource == file
        : command.Database == new NpgsqlConnectionStringBuilder(database.Store.ConnectionString).Database;

    private static bool WritesCaseRows(TestDatabase database, ExecutedCommand command) =>
        IsOurs(database, command) && (command.Text.Contains("\"Cases\" SET") || command.Text.Contains("INSERT INTO \"TimelineEvents\""));

    private static async Task<Guid> SignedCaseAsync(TestDatabase database)
    {
        var company = database.Directory.UnitsServing(HandlingLevel.Courtyard, new CourtyardId(1)).First();
        var staff = database.Directory.Staff.First(s => s.Role == AccessRole.PropertyStaff && s.UnitId == company.Id);
        var id = (await database.Cases.ReportAsync(database.Report(courtyardId: new CourtyardId(1)), TestDatabase.Everyone)).Id;
        await database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Courtyard), TestDatabase.Everyone);
        await database.Cases.ExecuteAsync(id, new DispatchCase(company.Id), TestDatabase.Everyone);
        await database.Cases.ExecuteAsync(id, new SignCase(), database.Directory.PostOf(staff, ActSource.Phone));
        return id;
    }

    private static Task FireNextTimerAsync(TestDatabase database, Guid id, bool batch) => database.Service<UnitOfWork>().WriteAsync(async db =>
    {
        if (batch) CaseBatchSave.Request(db);
        var @case = await db.Cases.Include(c => c.Parts).SingleAsync(c => c.Id == id);
        Assert.Equal(1, @case.FireDueTimers(@case.NextTimerAtUtc!.Value, DeadlineSweeper.Timer, database.Service<DeadlineRulesProvider>().Rules));
    }, CancellationToken.None);

    /// <summary>Every stored column of the case, its events and its handling records, apart from keys and the number.</summary>
    private static async Task<List<string>> RowsAsync(TestDatabase database, Guid id)
    {
        await using DbConnection connection = database.Store.SqliteFile is not null
            ? new SqliteConnection(database.Store.ConnectionString)
            : new NpgsqlConnection(database.Store.ConnectionString);
        await connection.OpenAsync();
        List<string> rows = [];
        // The events' and records' keys are numbered in the order they were written.
        foreach (var (table, where) in new[] { ("Cases", "Id"), ("TimelineEvents", "CaseId"), ("HandlingRecords", "CaseId") })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{where}\" = @id ORDER BY \"Id\"";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = id;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(table + ": " + string.Join(", ", Enumerable.Range(0, reader.FieldCount)
                    .Where(i => reader.GetName(i) is not ("Id" or "CaseId" or "Number"))
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : reader.GetValue(i))}")));
        }
        return rows;
    }
}
