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

namespace CommandCenter.Infrastructure.Tests.Persistence;

/// <summary>A sweep batch's cases written with prepared statements store exactly what EF Core would, and a stale case still fails the save.</summary>
public sealed class SqliteCaseBatchSaveTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TimersFired_StoreTheSameRowsAsEfCore_WithoutEfCommandsForThem()
    {
        var batched = await SignedCaseAsync();
        var byEf = await SignedCaseAsync();

        List<CaseEvent> published = [];
        using var subscription = _database.Events.Subscribe(events => { lock (published) published.AddRange(events); });
        using var commands = new ExecutedCommands();
        // EF Core asks whether anyone listens to its commands at most once a second (its logging cache time).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        // The warning, then the handling limit: a case update with an event, then an escalation with its handling record.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var seen = commands.Texts.Count;
            await FireNextTimerAsync(batched, batch: true);
            Assert.DoesNotContain(commands.Texts.Skip(seen), WritesCaseRows);
            seen = commands.Texts.Count;
            await FireNextTimerAsync(byEf, batch: false);
            Assert.Contains(commands.Texts.Skip(seen), WritesCaseRows);
        }

        Assert.Equal(await RowsAsync(byEf), await RowsAsync(batched));
        var detail = await _database.Queries.DetailAsync(TestDatabase.Everyone, batched);
        Assert.Equal((HandlingLevel.Community, CaseState.PendingDispatch), (detail!.Level, detail.State));
        Assert.Equal([CaseEventType.Warned, CaseEventType.Escalated], detail.Timeline.Where(e => e.Source == DeadlineSweeper.Timer.Source).Select(e => e.Type));
        Assert.Equal(HandlingOutcome.Escalated, Assert.Single(detail.HandlingRecords).Outcome);
        lock (published) Assert.Equal([CaseEventType.Warned, CaseEventType.Escalated], published.Where(e => e.CaseId == batched).Select(e => e.Type));
    }

    [Fact]
    public async Task IntakeBatch_StoresTheSameRowsAsEfCore_WithoutEfCommandsForThem()
    {
        using var commands = new ExecutedCommands();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var reported = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _database.Cases.ReportAsync(_database.Report(), TestDatabase.Everyone)));
        Assert.DoesNotContain(commands.Texts, command => command.DataSource == _database.Path && command.Text.Contains("INSERT INTO \"Cases\""));

        // The same report written by EF Core alone, at the same instant.
        var first = reported[0];
        var byEf = await _database.Service<UnitOfWork>().WriteAsync(db =>
        {
            var directory = _database.Directory;
            var request = _database.Report();
            var courtyard = directory.Courtyard(request.CourtyardId!.Value)!;
            var @case = Case.Report("EF", directory.StreetOf(courtyard)!.Id, request.Channel!.Value, directory.Category(request.CategoryCode)!, request.Urgency!.Value,
                courtyard, null, request.Description, new Reporter(request.ReporterName, request.ReporterPhone),
                null, null, TestDatabase.Everyone.Actor, first.ReportedAtUtc, _database.Service<DeadlineRulesProvider>().Rules);
            db.Cases.Add(@case);
            return Task.FromResult(@case.Id);
        }, CancellationToken.None);

        foreach (var @case in reported) Assert.Equal(await RowsAsync(byEf), await RowsAsync(@case.Id));
        var detail = await _database.Queries.DetailAsync(TestDatabase.Everyone, first.Id);
        Assert.Equal((first.Number, CaseState.Reported), (detail!.Number, detail.State));
        Assert.Equal(CaseEventType.Reported, Assert.Single(detail.Timeline).Type);
    }

    [Fact]
    public async Task CaseChangedMeanwhile_SaveFails_AndNothingIsStored()
    {
        var id = await SignedCaseAsync();
        var before = await RowsAsync(id);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => _database.Service<UnitOfWork>().WriteAsync(async db =>
        {
            SqliteCaseBatchSave.Request(db);
            var @case = await db.Cases.Include(c => c.Parts).SingleAsync(c => c.Id == id);
            @case.FireDueTimers(@case.NextTimerAtUtc!.Value, DeadlineSweeper.Timer, _database.Service<DeadlineRulesProvider>().Rules);
            // Another writer's commit, as the sweep would meet it.
            await db.Database.ExecuteSqlAsync($"UPDATE Cases SET Version = Version + 1 WHERE Id = {id}");
        }, CancellationToken.None));

        Assert.Equal(before, await RowsAsync(id));
    }

    private bool WritesCaseRows(ExecutedCommand command) =>
        command.DataSource == _database.Path && (command.Text.Contains("\"Cases\" SET") || command.Text.Contains("INSERT INTO \"TimelineEvents\""));

    private async Task<Guid> SignedCaseAsync()
    {
        var company = _database.Directory.UnitsServing(HandlingLevel.Courtyard, new CourtyardId(1)).First();
        var staff = _database.Directory.Staff.First(s => s.Role == AccessRole.PropertyStaff && s.UnitId == company.Id);
        var id = (await _database.Cases.ReportAsync(_database.Report(courtyardId: new CourtyardId(1)), TestDatabase.Everyone)).Id;
        await _database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Courtyard), TestDatabase.Everyone);
        await _database.Cases.ExecuteAsync(id, new DispatchCase(company.Id), TestDatabase.Everyone);
        await _database.Cases.ExecuteAsync(id, new SignCase(), _database.Directory.PostOf(staff, ActSource.Phone));
        return id;
    }

    private Task FireNextTimerAsync(Guid id, bool batch) => _database.Service<UnitOfWork>().WriteAsync(async db =>
    {
        if (batch) SqliteCaseBatchSave.Request(db);
        var @case = await db.Cases.Include(c => c.Parts).SingleAsync(c => c.Id == id);
        Assert.Equal(1, @case.FireDueTimers(@case.NextTimerAtUtc!.Value, DeadlineSweeper.Timer, _database.Service<DeadlineRulesProvider>().Rules));
    }, CancellationToken.None);

    /// <summary>Every stored column of the case, its events and its handling records, apart from keys and the number.</summary>
    private async Task<List<string>> RowsAsync(Guid id)
    {
        await using var connection = new SqliteConnection($"Data Source={_database.Path}");
        await connection.OpenAsync();
        List<string> rows = [];
        foreach (var (table, where) in new[] { ("Cases", "Id"), ("TimelineEvents", "CaseId"), ("HandlingRecords", "CaseId") })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} WHERE {where} = $id ORDER BY rowid";
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(table + ": " + string.Join(", ", Enumerable.Range(0, reader.FieldCount)
                    .Where(i => reader.GetName(i) is not ("Id" or "CaseId" or "Number"))
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : reader.GetValue(i))}")));
        }
        return rows;
    }
}
