using System.Collections.Concurrent;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Quartz;

namespace CommandCenter.Infrastructure.Tests.Deadlines;

/// <summary>
/// Two app hosts on one PostgreSQL database share one clustered Quartz store (the app's own configuration,
/// the checked-in schema): every trigger that falls due fires on exactly one of them.
/// </summary>
public sealed class ClusteredSchedulerTests
{
    private const int Triggers = 20;

    [Fact]
    public async Task TwoSchedulersOnOnePostgres_FireEachDueTriggerExactlyOnce()
    {
        await using var store = await TestStore.CreateAsync(DatabaseProvider.PostgreSql);
        await using var one = await TimerHost.StartAsync(store);
        await using var two = await TimerHost.StartAsync(store);
        var first = await one.SchedulerAsync();
        var second = await two.SchedulerAsync();
        Assert.NotEqual(first.SchedulerInstanceId, second.SchedulerInstanceId);
        var run = Guid.NewGuid().ToString("N");
        var job = JobBuilder.Create<CountingJob>().WithIdentity($"count-{run}", "tests").StoreDurably().Build();
        await first.AddJob(job);
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        for (var i = 0; i < Triggers; i++)
        {
            // Half through each scheduler: the store, not the one that scheduled it, decides who fires.
            await (i % 2 == 0 ? first : second).ScheduleJob(TriggerBuilder.Create()
                .WithIdentity($"{run}-{i}", "tests").ForJob(job).StartAt(due).Build());
        }

        await Eventually.HoldsAsync(() => Task.FromResult(CountingJob.Fired.Keys.Count(k => k.StartsWith(run, StringComparison.Ordinal))), n => n == Triggers);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var fired = CountingJob.Fired.Where(f => f.Key.StartsWith(run, StringComparison.Ordinal)).ToList();
        Assert.Equal(Triggers, fired.Count);
        Assert.All(fired, f => Assert.Single(f.Value));
    }

    /// <summary>Records each firing by trigger, with the scheduler instance that ran it.</summary>
    internal sealed class CountingJob : IJob
    {
        public static readonly ConcurrentDictionary<string, ConcurrentBag<string>> Fired = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Fired.GetOrAdd(context.Trigger.Key.Name, _ => []).Add(context.Scheduler.SchedulerInstanceId);
            return ValueTask.CompletedTask;
        }
    }
}
