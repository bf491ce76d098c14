using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Cases;

public sealed class ConcurrencyTests
{
    [Theory, TestedProviders]
    public async Task TwoContexts_DispatchTheSameCase_SecondSaveConflictsAndOverwritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var (id, units) = await PendingDispatchAsync(database);
        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var mine = await first.Cases.Include(c => c.Parts).SingleAsync(c => c.Id == id);
        var theirs = await second.Cases.Include(c => c.Parts).SingleAsync(c => c.Id == id);
        var now = database.Clock.GetUtcNow().UtcDateTime;

        mine.Dispatch(units[0], [], DeadlineRules.Default, database.Actor().Actor, now);
        theirs.Dispatch(units[^1], [], DeadlineRules.Default, database.Actor().Actor, now);
        await first.SaveChangesAsync();

        // SQLite reports it by the version token; PostgreSQL, sending the save as one batch, may report it by the
        // timeline's unique (case, sequence) index first (CaseService and the sweeper read both as a lost race).
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
        var stored = await database.Queries.DetailAsync(TestDatabase.Everyone, id);
        Assert.Equal(units[0].Id, stored!.Handling.CurrentUnitId);
        Assert.Single(stored.Timeline, e => e.Type == CaseEventType.Dispatched);
    }

    [Theory, TestedProviders]
    public async Task TwoDispatchersAtOnce_OneSucceeds_TheOtherGetsAConflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var (id, units) = await PendingDispatchAsync(database);
        var version = (await database.Queries.DetailAsync(TestDatabase.Everyone, id))!.Version;

        var attempts = await Task.WhenAll(units.Take(2).Select(unit => Attempt(() =>
            database.Cases.ExecuteAsync(id, new DispatchCase(unit.Id) { ExpectedVersion = version }, database.Actor()))));

        Assert.Single(attempts, a => a is null);
        Assert.Single(attempts, a => a is CaseConflictException);
        var stored = await database.Queries.DetailAsync(TestDatabase.Everyone, id);
        Assert.Equal(CaseState.Dispatched, stored!.State);
        Assert.Equal(version + 1, stored.Version);
    }

    [Theory, TestedProviders]
    public async Task StaleView_WithoutExpectedVersion_IsRefusedByTheStateNotOverwritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var (id, units) = await PendingDispatchAsync(database);
        await database.Cases.ExecuteAsync(id, new DispatchCase(units[0].Id), database.Actor());

        var refused = await Assert.ThrowsAsync<CaseCommandRejectedException>(() =>
            database.Cases.ExecuteAsync(id, new DispatchCase(units[^1].Id), database.Actor()));

        Assert.Equal(CaseCommand.Dispatch, refused.Command);
        Assert.Equal(CaseState.Dispatched, refused.State);
        Assert.Equal(units[0].Id, (await database.Queries.DetailAsync(TestDatabase.Everyone, id))!.Handling.CurrentUnitId);
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static async Task<(Guid Id, IReadOnlyList<HandlingUnit> Units)> PendingDispatchAsync(TestDatabase database)
    {
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        await database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Street), database.Actor());
        var units = database.Directory.Units.Where(u => u.Level == HandlingLevel.Street).Take(2).ToList();
        return (id, units);
    }
}
