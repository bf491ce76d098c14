using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Tests.Credit;

/// <summary>The monthly credit job on the real Quartz scheduler: in memory beside SQLite, clustered on PostgreSQL.</summary>
public sealed class MonthlyCreditJobTests
{
    [Theory, TestedProviders]
    public async Task AServerStart_PublishesLastMonth_AndARestartPublishesNothingMore(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var lastMonth = CreditMonth.Before(ChinaTime.LocalDate(DateTime.UtcNow)).Key;

        await using (var host = await TimerHost.StartAsync(store))
        {
            var months = await Eventually.HoldsAsync(() => host.Service<CreditService>().PublishedMonthsAsync(), m => m.Count > 0);
            Assert.Equal([lastMonth], months);
        }
        await using var restarted = await TimerHost.StartAsync(store);
        var scheduler = await restarted.SchedulerAsync();
        // The start's run has ended when its one-off trigger is gone.
        await Eventually.HoldsAsync(() => scheduler.GetTrigger(MonthlyCreditJob.AtStart).AsTask(), t => t is null);

        Assert.Null(await scheduler.GetTrigger(MonthlyCreditJob.AtStart));
        Assert.NotNull(await scheduler.GetTrigger(MonthlyCreditJob.Schedule));
        Assert.Equal([lastMonth], await restarted.Service<CreditService>().PublishedMonthsAsync());
        await using var db = await restarted.Service<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.CreditListPublished));
        Assert.Equal(1, await db.CreditAutomaticRuns.CountAsync(r => r.Month == lastMonth));
    }
}
