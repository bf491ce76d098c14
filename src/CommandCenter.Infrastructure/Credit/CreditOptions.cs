using Quartz;

namespace CommandCenter.Infrastructure.Credit;

/// <summary>Section "Credit": when the monthly credit job publishes last month's list.</summary>
public sealed class CreditOptions
{
    public const string Section = "Credit";

    /// <summary>Off where nothing should publish by itself (tests that publish a month themselves, tools).</summary>
    public bool PublishMonthly { get; set; } = true;

    /// <summary>
    /// A Quartz cron expression in UTC (so no server needs the China time zone installed): by default 16:30 on
    /// a month's last day, which is 00:30 on the first in China.
    /// </summary>
    public string PublishSchedule { get; set; } = "0 30 16 L * ?";

    public bool ScheduleIsCron()
    {
        try
        {
            _ = new CronExpression(PublishSchedule);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
