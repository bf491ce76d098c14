using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Infrastructure.Credit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommandCenter.Web.Components.Pages.Credit;

/// <summary>The property companies by credit today, with the street's monthly acts: automatic items and publishing the list.</summary>
public sealed partial class CreditListPage
{
    private IReadOnlyList<CreditCompanyRow> _rows = [];
    private int _year;
    private int _month;

    [Inject] public required CreditService Credit { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    protected override async Task OnInitializedAsync()
    {
        // The month just ended: the one the street computes and publishes.
        var last = ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime).AddMonths(-1);
        (_year, _month) = (last.Year, last.Month);
        await ReloadAsync();
    }

    private Task RunAutomaticAsync() => RunAsync(() => Credit.RunAutomaticAsync(By, _year, _month), ReloadAsync, "Credit.AutomaticRun");

    private Task PublishAsync() => RunAsync(() => Credit.PublishAsync(By, _year, _month), ReloadAsync, "Credit.PublishedMonth");

    private async Task ReloadAsync() => _rows = await Credit.CompaniesAsync(By);

    internal static Color BandColor(CreditBand band) => band switch
    {
        CreditBand.AAA or CreditBand.AA => Color.Success,
        CreditBand.A => Color.Info,
        CreditBand.B => Color.Warning,
        _ => Color.Error,
    };
}
