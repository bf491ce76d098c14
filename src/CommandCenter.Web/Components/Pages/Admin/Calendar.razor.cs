using CommandCenter.Domain.Common;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Deadlines;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>Public holidays and make-up working days per year: what working-time limits are counted on.</summary>
public sealed partial class Calendar
{
    private readonly TableGroupDefinition<CalendarDay> _byYear = new() { Selector = d => d.Date.Year };
    private IReadOnlyList<CalendarDay> _days = [];
    private DateTime? _date;
    private CalendarDayKind _kind = CalendarDayKind.Holiday;
    private string? _name;

    [Inject] public required DeadlineAdministration Administration { get; init; }
    [Inject] public required IOptions<DeadlineOptions> Options { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    /// <summary>The street's today, in China time: the picker offers only the days the calendar accepts.</summary>
    private DateOnly Today => ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime);

    protected override Task OnInitializedAsync()
    {
        _date = Today.ToDateTime(TimeOnly.MinValue);
        return ReloadAsync();
    }

    private async Task ReloadAsync() => _days = await Administration.CalendarDaysAsync();

    private Task SetAsync() => _date is { } date
        ? RunAsync(() => Administration.SetCalendarDayAsync(By, new CalendarDayInput(DateOnly.FromDateTime(date), _kind, _name ?? "")), ReloadAsync)
        : Task.CompletedTask;

    private Task RemoveAsync(CalendarDay day) => RunAsync(() => Administration.RemoveCalendarDayAsync(By, day.Date), ReloadAsync);

}
