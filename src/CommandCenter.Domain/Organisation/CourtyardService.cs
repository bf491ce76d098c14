using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Organisation;

/// <summary>
/// A courtyard-level unit (a property company, a courtyard group) looking after one courtyard
/// from <see cref="From"/> until the day before <see cref="Until"/> (street time). Kept when a company
/// is replaced, so who served a courtyard on any day stays on record; cases keep the unit they had.
/// </summary>
public sealed class CourtyardService
{
    public int Id { get; private set; }
    public UnitId UnitId { get; private set; }
    public CourtyardId CourtyardId { get; private set; }
    /// <summary>The serving unit's kind: a courtyard has one line of property companies and one of courtyard groups.</summary>
    public UnitKind Kind { get; private set; }
    public DateOnly From { get; private set; }
    /// <summary>The first day it no longer serves; null while it still does.</summary>
    public DateOnly? Until { get; private set; }

    public bool CoversOn(DateOnly day) => From <= day && (Until is null || day < Until);

    /// <summary>
    /// 物业更换: <paramref name="incoming"/> serves the courtyard from <paramref name="from"/> in place of
    /// whoever serves it that day. <paramref name="periods"/> (this courtyard's, of <paramref name="incoming"/>'s
    /// kind) are changed in place and the new ones added, for the caller to store. A courtyard with no period on
    /// record yet has been served by <paramref name="servingToday"/> (as its own list says) since ever.
    /// </summary>
    public static CourtyardService Replace(
        IList<CourtyardService> periods, CourtyardId courtyardId, HandlingUnit? servingToday, HandlingUnit incoming, DateOnly from)
    {
        if (incoming.Level != HandlingLevel.Courtyard)
            throw new DomainValidationException("NotACourtyardUnit", $"{incoming.Name} does not serve courtyards.", "unitId");
        if (periods.Count == 0 && servingToday is not null)
            periods.Add(new CourtyardService { UnitId = servingToday.Id, CourtyardId = courtyardId, Kind = servingToday.Kind, From = DateOnly.MinValue });
        if (periods.Any(p => p.From >= from))
            throw new DomainValidationException("ServiceChangedLater", "The courtyard's service already changes on or after this day.", "from");
        var outgoing = periods.SingleOrDefault(p => p.CoversOn(from));
        if (outgoing?.UnitId == incoming.Id)
            throw new DomainValidationException("AlreadyServes", $"{incoming.Name} already serves this courtyard on that day.", "unitId");
        if (outgoing is not null) outgoing.Until = from;
        var started = new CourtyardService { UnitId = incoming.Id, CourtyardId = courtyardId, Kind = incoming.Kind, From = from };
        periods.Add(started);
        return started;
    }
}
