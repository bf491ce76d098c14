using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Credit;

/// <summary>The street's monthly inspection score of a property company, one per company and month.</summary>
public sealed partial class InspectionPage
{
    private UnitId? _companyId;
    private int _year;
    private int _month;
    private int? _score;
    private string? _note;

    [Inject] public required CreditService Credit { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    protected override void OnInitialized()
    {
        var today = ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime);
        (_year, _month) = (today.Year, today.Month);
    }

    private Task SaveAsync() => RunAsync(async () =>
    {
        await Credit.EnterInspectionAsync(By, new InspectionInput(_companyId, _year, _month, _score, _note));
        (_score, _note) = (null, null);
    }, () => Task.CompletedTask, "Credit.Saved");
}
