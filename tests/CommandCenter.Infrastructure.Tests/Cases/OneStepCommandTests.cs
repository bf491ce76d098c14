using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Tests.Support;

namespace CommandCenter.Infrastructure.Tests.Cases;

/// <summary>受理并派遣: two commands the desk sends as one step, each recorded as its own act, saved together or not at all.</summary>
public sealed class OneStepCommandTests
{
    [Fact]
    public async Task AcceptThenDispatch_InOneStep_RecordsBothActsAndDispatches()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (id, version, unit) = await ReportedAsync(database);

        await database.Cases.ExecuteAsync(id, [new AcceptCase(), new DispatchCase(unit.Id, Note: "请今天处理")], version, database.Actor());

        var stored = (await database.Queries.DetailAsync(TestDatabase.Everyone, id))!;
        Assert.Equal(CaseState.Dispatched, stored.State);
        Assert.Equal(unit.Id, stored.Handling.CurrentUnitId);
        Assert.Equal([CaseEventType.Accepted, CaseEventType.Dispatched], stored.Timeline.Skip(1).Select(e => e.Type));
        Assert.Equal(version + 2, stored.Version);
    }

    [Fact]
    public async Task AcceptThenDispatch_AfterSomeoneElseChangedTheCase_IsAConflictAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (id, version, unit) = await ReportedAsync(database);
        await database.Cases.ExecuteAsync(id, new AcceptCase(Note: "另一位调度员"), database.Actor());

        await Assert.ThrowsAsync<CaseConflictException>(() =>
            database.Cases.ExecuteAsync(id, [new AcceptCase(), new DispatchCase(unit.Id)], version, database.Actor()));

        var stored = (await database.Queries.DetailAsync(TestDatabase.Everyone, id))!;
        Assert.Equal(CaseState.PendingDispatch, stored.State);
        Assert.Single(stored.Timeline, e => e.Type == CaseEventType.Accepted);
    }

    [Fact]
    public async Task AcceptThenDispatch_WithTheDispatchRefused_SavesNeitherAct()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (id, version, _) = await ReportedAsync(database);
        var elsewhere = database.Directory.Units.First(u => u.Level == HandlingLevel.District);

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            database.Cases.ExecuteAsync(id, [new AcceptCase(), new DispatchCase(elsewhere.Id)], version, database.Actor()));

        Assert.Equal("UnitDoesNotServe", refused.Code);
        var stored = (await database.Queries.DetailAsync(TestDatabase.Everyone, id))!;
        Assert.Equal(CaseState.Reported, stored.State);
        Assert.Equal(version, stored.Version);
    }

    private static async Task<(Guid Id, int Version, HandlingUnit Unit)> ReportedAsync(TestDatabase database)
    {
        var id = (await database.Cases.ReportAsync(database.Report(), database.Actor())).Id;
        var detail = (await database.Queries.DetailAsync(TestDatabase.Everyone, id))!;
        var unit = database.Directory.UnitsServing(detail.Level, detail.Place.CourtyardId).First();
        return (id, detail.Version, unit);
    }
}
