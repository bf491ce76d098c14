using Microsoft.Extensions.Options;
using Quartz;

namespace CommandCenter.Infrastructure.Deadlines;

/// <summary>
/// The Quartz job that runs the sweep. A repeating trigger wakes it every
/// <see cref="DeadlineOptions.SweepInterval"/>; when the next deadline falls sooner, the job
/// adds a one-off trigger for that moment. One trigger per street, not one per case; never two
/// runs at once (registered with DisallowConcurrentExecution).
/// </summary>
internal sealed class DeadlineSweepJob(DeadlineSweeper sweeper, TimeProvider clock, IOptions<DeadlineOptions> options) : IJob
{
    public static readonly JobKey Key = new("deadline-sweep", "timers");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await sweeper.SweepAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (await sweeper.NextDueAsync(cancellationToken) is { } next && next < (now + options.Value.SweepInterval).UtcDateTime)
        {
            var at = new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
            await context.Scheduler.ScheduleJob(
                TriggerBuilder.Create(clock).ForJob(Key).StartAt(at > now ? at : now).Build(),
                default,
                cancellationToken);
        }
    }
}
