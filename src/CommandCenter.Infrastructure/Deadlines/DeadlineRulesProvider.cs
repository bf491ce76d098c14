using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.Infrastructure.Deadlines;

/// <summary>
/// The street's deadline rules (policies, working calendar and street-wide rules) and routing table, held in
/// memory and rebuilt from the database when an administrator changes them.
/// </summary>
public sealed class DeadlineRulesProvider(IOptions<DeadlineOptions> options)
{
    private (DeadlineRules Rules, RoutingTable Routing) _current = (DeadlineRules.Default, RoutingTable.None);

    public DeadlineRules Rules => _current.Rules;
    public RoutingTable Routing => _current.Routing;

    public async Task ReloadAsync(CommandCenterDbContext db, CancellationToken cancellationToken = default)
    {
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var calendar = new WorkingCalendar(
            days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date),
            days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkingDay).Select(d => d.Date),
            options.Value.ParseWorkingHours());
        var policies = new PolicyTable(await db.TimePolicies.AsNoTracking().ToListAsync(cancellationToken));
        var routing = new RoutingTable(await db.RoutingRules.AsNoTracking().ToListAsync(cancellationToken));
        var street = await db.StreetRules.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        _current = (new DeadlineRules(policies, calendar, street), routing);
    }
}
