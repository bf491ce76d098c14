using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Tests.Support;

namespace CommandCenter.Infrastructure.Tests.Cases;

/// <summary>The queue's time filter on real SQLite: the database answers with the domain's rule, as the clock moves.</summary>
public sealed class TimeStatusQueryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TimeFilter_FollowsTheClock_FromOnTimeToWarningToOverdue()
    {
        var unit = _database.Directory.UnitsServing(HandlingLevel.Courtyard, new CourtyardId(1)).First();
        var signed = await CaseAsync(unit.Id, sign: true);
        var unsigned = await CaseAsync(unit.Id, sign: false);
        // Waits for dispatch under the seeded policy: 2 hours for a 一般 case.
        var waiting = (await _database.Cases.ReportAsync(_database.Report(courtyardId: new CourtyardId(1)), _database.Actor())).Id;
        await _database.Cases.ExecuteAsync(waiting, new AcceptCase(HandlingLevel.Courtyard), _database.Actor());
        var rejected = (await _database.Cases.ReportAsync(_database.Report(courtyardId: new CourtyardId(1)), _database.Actor())).Id;
        await _database.Cases.ExecuteAsync(rejected, new RejectCase("重复反映"), _database.Actor());
        var detail = (await _database.Queries.DetailAsync(TestDatabase.Everyone, signed))!;
        var signDeadline = (await _database.Queries.DetailAsync(TestDatabase.Everyone, unsigned))!.Deadlines.SignDeadlineUtc!.Value;

        await AssertStatusesAsync(onTime: [signed, unsigned, waiting], warning: [], overdue: []);

        _database.Clock.SetUtcNow(signDeadline);
        await AssertStatusesAsync(onTime: [signed, waiting], warning: [], overdue: [unsigned]);

        _database.Clock.SetUtcNow(detail.Deadlines.WarningAtUtc!.Value);
        await AssertStatusesAsync(onTime: [], warning: [signed], overdue: [unsigned, waiting]);

        _database.Clock.SetUtcNow(detail.Deadlines.HandlingDeadlineUtc!.Value);
        await AssertStatusesAsync(onTime: [], warning: [], overdue: [signed, unsigned, waiting]);
        Assert.Equal([rejected], await IdsAsync(TimeStatus.NoClock));
    }

    private async Task<Guid> CaseAsync(UnitId unit, bool sign)
    {
        var id = (await _database.Cases.ReportAsync(_database.Report(courtyardId: new CourtyardId(1)), _database.Actor())).Id;
        await _database.Cases.ExecuteAsync(id, new AcceptCase(HandlingLevel.Courtyard), _database.Actor());
        await _database.Cases.ExecuteAsync(id, new DispatchCase(unit), _database.Actor());
        if (sign) await _database.Cases.ExecuteAsync(id, new SignCase(), _database.Actor());
        return id;
    }

    private async Task AssertStatusesAsync(Guid[] onTime, Guid[] warning, Guid[] overdue)
    {
        Assert.Equal(onTime.Order(), await IdsAsync(TimeStatus.OnTime));
        Assert.Equal(warning.Order(), await IdsAsync(TimeStatus.Warning));
        Assert.Equal(overdue.Order(), await IdsAsync(TimeStatus.Overdue));
    }

    private async Task<List<Guid>> IdsAsync(TimeStatus status) =>
        [.. (await _database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Time = status, PageSize = CaseQuery.MaxPageSize, Descending = false }))
            .Items.Select(i => i.Id).Order()];
}
