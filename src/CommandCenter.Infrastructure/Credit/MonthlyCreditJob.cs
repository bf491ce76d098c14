using CommandCenter.Domain.Access;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CommandCenter.Infrastructure.Credit;

/// <summary>
/// The Quartz job that closes a month's credit: at the month's start (and once when a server starts, for a month
/// start it slept through) last month's automatic items, then its published list. Both are once a month whoever
/// runs them (<see cref="CreditService.PublishLastMonthAsync"/>), so a second run or a restart publishes nothing;
/// registered with DisallowConcurrentExecution, never two at once.
/// </summary>
internal sealed class MonthlyCreditJob(CreditService credit, ILogger<MonthlyCreditJob> log) : IJob
{
    public static readonly JobKey Key = new("monthly-credit", "timers");
    public static readonly TriggerKey Schedule = new("monthly-credit-schedule", "timers");
    /// <summary>The one-off run at a server's start; gone once that run has ended.</summary>
    public static readonly TriggerKey AtStart = new("monthly-credit-start", "timers");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (await credit.PublishLastMonthAsync(Post.System(ActSource.Timer), cancellationToken) is { } published)
            log.LogInformation("Published the credit list of {Month}: {Companies} companies", published.Month, published.Rows.Count);
    }
}
