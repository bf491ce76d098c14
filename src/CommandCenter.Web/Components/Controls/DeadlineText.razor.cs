using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Web.Components.Controls;

/// <summary>
/// A deadline in China time and, while its clock runs, the time left or overdue: yellow from
/// the warning point, red when passed. The time comes from the screen's <see cref="LiveClock"/>.
/// </summary>
public sealed partial class DeadlineText
{
    [Parameter, EditorRequired] public DateTime? DeadlineUtc { get; set; }
    /// <summary>预警 point; without it only overdue is coloured.</summary>
    [Parameter] public DateTime? WarningAtUtc { get; set; }
    /// <summary>False once the clock has stopped (signed, done, closed): the deadline is shown, not counted.</summary>
    [Parameter] public bool Running { get; set; } = true;
    [CascadingParameter] public ClockReading? Now { get; set; }

    private TimeSpan? Remaining => Running && Now is { } now && DeadlineUtc is { } deadline ? deadline - now.UtcNow : null;

    private Color StatusColor(TimeSpan remaining) =>
        remaining < TimeSpan.Zero ? Color.Error
        : WarningAtUtc is { } warning && Now is { } now && now.UtcNow >= warning ? Color.Warning
        : Color.Success;

    private string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? L["Duration.DaysHours", (int)span.TotalDays, span.Hours]
        : span.TotalHours >= 1 ? L["Duration.HoursMinutes", span.Hours, span.Minutes]
        : L["Duration.Minutes", Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))];
}
