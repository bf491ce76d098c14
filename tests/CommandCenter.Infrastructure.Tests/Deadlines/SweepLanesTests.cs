using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Npgsql;

namespace CommandCenter.Infrastructure.Tests.Deadlines;

/// <summary>
/// The sweep driven by hand (the scheduler off): on a server database its lanes take disjoint batches, locking the due
/// cases they read; a case another transaction holds is passed over, not waited for, and fires once it is released.
/// </summary>
public sealed class SweepLanesTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, string?> ByHand = new()
    {
        ["Deadlines:RunTimers"] = "false",
        ["Deadlines:SweepBatchSize"] = "4",
        ["Deadlines:SweepLanes"] = "3",
    };

    [Theory, TestedProviders]
    public async Task SweepInLanes_FiresEveryDueCaseOnce_InBatchesOfItsSize(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var host = await TimerHost.StartAsync(store, ByHand);
        await host.UseShortLimitAsync(Limit);
        var ids = await DueCasesAsync(host, 25);
        var sweeper = host.Service<DeadlineSweeper>();
        var batches = new List<SweptBatch>();
        sweeper.Swept += batch =>
        {
            lock (batches) batches.Add(batch);
        };

        var fired = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(25, fired);
        Assert.All(batches, b => Assert.InRange(b.DeadlinesUtc.Count, 1, 4));
        Assert.Equal(25, batches.Sum(b => b.DeadlinesUtc.Count));
        foreach (var id in ids)
        {
            var timeline = await host.TimelineAsync(id);
            Assert.Single(timeline, e => e.Type == CaseEventType.Escalated);
            Assert.Single(timeline, e => e.Type == CaseEventType.Warned);
        }
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CaseLockedByAnotherTransaction_IsPassedOver_NotWaitedFor_AndFiresOnceReleased()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.PostgreSql);
        await using var host = await TimerHost.StartAsync(store, ByHand);
        await host.UseShortLimitAsync(Limit);
        var ids = await DueCasesAsync(host, 6);
        var sweeper = host.Service<DeadlineSweeper>();
        var locked = ids[2];

        await using (var connection = new NpgsqlConnection(store.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand("""SELECT 1 FROM "Cases" WHERE "Id" = @id FOR UPDATE""", connection, transaction))
            {
                command.Parameters.AddWithValue("id", locked);
                await command.ExecuteScalarAsync();
            }

            // A sweep that waited for the lock would not end before the transaction does.
            var fired = await sweeper.SweepAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(5, fired);
            Assert.DoesNotContain(await host.TimelineAsync(locked), e => e.Type == CaseEventType.Escalated);
            await transaction.RollbackAsync();
        }

        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));
        foreach (var id in ids) Assert.Single(await host.TimelineAsync(id), e => e.Type == CaseEventType.Escalated);
    }

    /// <summary>Cases signed under the short limit, returned once the last one's handling deadline has passed.</summary>
    private static async Task<List<Guid>> DueCasesAsync(TimerHost host, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add(await host.SignedCaseAsync(courtyardId: new CourtyardId(1 + i % 5)));
        await Task.Delay(Limit + TimeSpan.FromSeconds(0.5));
        return ids;
    }
}
