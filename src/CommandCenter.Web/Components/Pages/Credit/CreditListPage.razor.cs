using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Credit;

/// <summary>The property companies by credit today, with the street's monthly acts: automatic items and publishing the list.</summary>
public sealed partial class CreditListPage
{
    private IReadOnlyList<CreditCompanyRow> _rows = [];
    private int _year;
    private int _month;
    private string? _message;
    private bool _failed;

    [Inject] public required CreditService Credit { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    protected override async Task OnInitializedAsync()
    {
        // The month just ended: the one the street computes and publishes.
        var last = ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime).AddMonths(-1);
        (_year, _month) = (last.Year, last.Month);
        _rows = await Credit.CompaniesAsync(Actor.Post);
    }

    private Task RunAutomaticAsync() => ActAsync(async () => L["Credit.AutomaticAdded", await Credit.RunAutomaticAsync(Actor.Post, _year, _month)]);

    private Task PublishAsync() => ActAsync(async () => L["Credit.PublishedMonth", (await Credit.PublishAsync(Actor.Post, _year, _month)).Month]);

    private async Task ActAsync(Func<Task<string>> act)
    {
        try
        {
            _message = await act();
            _failed = false;
            _rows = await Credit.CompaniesAsync(Actor.Post);
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            (_message, _failed) = (message, true);
        }
    }

    internal static Color BandColor(CreditBand band) => band switch
    {
        CreditBand.AAA or CreditBand.AA => Color.Success,
        CreditBand.A => Color.Info,
        CreditBand.B => Color.Warning,
        _ => Color.Error,
    };
}
