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
    private DateTime? _date = DateTime.Today;
    private CalendarDayKind _kind = CalendarDayKind.Holiday;
    private string? _name;

    [Inject] public required DeadlineAdministration Administration { get; init; }
    [Inject] public required IOptions<DeadlineOptions> Options { get; init; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync() => _days = await Administration.CalendarDaysAsync();

    private Task SetAsync() => _date is { } date
        ? RunAsync(() => Administration.SetCalendarDayAsync(By, new CalendarDayInput(DateOnly.FromDateTime(date), _kind, _name ?? "")), ReloadAsync)
        : Task.CompletedTask;

    private Task RemoveAsync(CalendarDay day) => RunAsync(() => Administration.RemoveCalendarDayAsync(By, day.Date), ReloadAsync);

}
