using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Session;
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
    private string? _message;
    private bool _failed;

    [Inject] public required CreditService Credit { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    protected override void OnInitialized()
    {
        var today = ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime);
        (_year, _month) = (today.Year, today.Month);
    }

    private async Task SaveAsync()
    {
        try
        {
            await Credit.EnterInspectionAsync(Actor.Post, new InspectionInput(_companyId, _year, _month, _score, _note));
            (_message, _failed, _score, _note) = (L["Credit.Saved"], false, null, null);
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            (_message, _failed) = (message, true);
        }
    }
}
