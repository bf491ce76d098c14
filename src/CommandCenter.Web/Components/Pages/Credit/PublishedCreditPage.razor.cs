using CommandCenter.Infrastructure.Credit;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Credit;

/// <summary>The public 红黑榜 of property companies: a published month's list as it was frozen, the newest by default.</summary>
public sealed partial class PublishedCreditPage
{
    private IReadOnlyList<string> _months = [];
    private CreditPublicationView? _list;

    [Parameter] public string? Month { get; set; }
    [Inject] public required CreditService Credit { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _months = await Credit.PublishedMonthsAsync();
        _list = (Month ?? _months.FirstOrDefault()) is { } month ? await Credit.PublicationAsync(month) : null;
    }
}
