using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using Microsoft.Extensions.Logging;

namespace CommandCenter.Infrastructure.Cases;

/// <summary>
/// What intake, commands and timers did to a case, logged after the commit with the case number as the property
/// <c>CaseNumber</c>: a field of its own in the JSON console log (Production), so that one case's history can be
/// found across servers by that field rather than by searching message text. The actor is named by post and
/// source, not by name: the log is read by operators who need not see who the staff are. At Debug: a line per case
/// on the console costs intake a tenth of its rate (scripts/bench.sh intake: 1,341 → 1,191 cases/s, p99 54 → 70 ms),
/// so an operator switches it on for the category when tracing (Logging:LogLevel:CommandCenter.Infrastructure=Debug).
/// </summary>
public static partial class CaseLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Case {CaseNumber} reported through {Channel} by {Role} ({Source})")]
    public static partial void Reported(ILogger logger, string caseNumber, Channel channel, AccessRole role, ActSource source);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Case {CaseNumber}: {Commands} by {Role} ({Source})")]
    public static partial void Commanded(ILogger logger, string caseNumber, string commands, AccessRole role, ActSource source);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Case {CaseNumber}: timers fired {Events}")]
    public static partial void TimersFired(ILogger logger, string caseNumber, string events);
}
