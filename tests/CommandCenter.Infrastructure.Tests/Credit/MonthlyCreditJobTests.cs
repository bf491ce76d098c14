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
    public async Task AFirstStart_PublishesNothing_ALiveStreetsStartPublishesLastMonth_AndARestartNothingMore(DatabaseProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var lastMonth = CreditMonth.Before(ChinaTime.LocalDate(DateTime.UtcNow)).Key;

        await using (var first = await TimerHost.StartAsync(store))
        {
            await StartRunEndedAsync(first);
            Assert.Empty(await first.Service<CreditService>().PublishedMonthsAsync());
            // The street's first case, moved back 70 days: live for the whole of last month.
            var caseId = await first.AcceptedCaseAsync();
            await using var db = await first.Service<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(u => u.SetProperty(c => c.ReportedAtUtc, DateTime.UtcNow.AddDays(-70)));
        }
        await using (var live = await TimerHost.StartAsync(store))
        {
            var months = await Eventually.HoldsAsync(() => live.Service<CreditService>().PublishedMonthsAsync(), m => m.Count > 0);
            Assert.Equal([lastMonth], months);
        }
        await using var restarted = await TimerHost.StartAsync(store);
        var scheduler = await StartRunEndedAsync(restarted);

        Assert.NotNull(await scheduler.GetTrigger(MonthlyCreditJob.Schedule));
        Assert.Equal([lastMonth], await restarted.Service<CreditService>().PublishedMonthsAsync());
        await using var check = await restarted.Service<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == AuditActions.CreditListPublished));
        Assert.Equal([lastMonth], await check.CreditAutomaticRuns.Select(r => r.Month).ToListAsync());
    }

    /// <summary>The start's run has ended when its one-off trigger is gone.</summary>
    private static async Task<Quartz.IScheduler> StartRunEndedAsync(TimerHost host)
    {
        var scheduler = await host.SchedulerAsync();
        await Eventually.HoldsAsync(() => scheduler.GetTrigger(MonthlyCreditJob.AtStart).AsTask(), t => t is null);
        return scheduler;
    }
}
