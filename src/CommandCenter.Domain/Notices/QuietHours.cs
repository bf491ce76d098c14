using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Notices;

/// <summary>
/// The hours (China time) in which non-urgent notices wait; a window may run past midnight
/// (22:00–07:00). Equal ends mean no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static readonly QuietHours None = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public bool Contains(DateTime utc)
    {
        if (Start == End) return false;
        var local = TimeOnly.FromDateTime(ChinaTime.ToLocal(utc));
        return Start < End ? local >= Start && local < End : local >= Start || local < End;
    }

    /// <summary>When a non-urgent notice held at <paramref name="utc"/> may go: the next end of the window.</summary>
    public DateTime EndAfter(DateTime utc)
    {
        var local = ChinaTime.ToLocal(utc);
        var end = DateOnly.FromDateTime(local).ToDateTime(End);
        if (end <= local) end = end.AddDays(1);
        return DateTime.SpecifyKind(end - ChinaTime.Offset, DateTimeKind.Utc);
    }
}
