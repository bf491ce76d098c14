using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Credit;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Credit;

/// <summary>
/// The street's credit bands and credit point rules: each save a new revision from a month not yet published
/// (the same month for both), the revisions below (docs/decisions/0009).
/// </summary>
public sealed partial class BandsPage
{
    private CreditBandsView? _history;
    private CreditRulesView? _rules;
    private int?[] _ruleValues = [];
    private int? _aaa;
    private int? _aa;
    private int? _a;
    private int? _b;
    private int _year;
    private int _month;

    [Inject] public required CreditService Credit { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    protected override async Task OnInitializedAsync()
    {
        // A new revision holds from next month by default: this month may be graded already.
        var next = ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime).AddMonths(1);
        (_year, _month) = (next.Year, next.Month);
        await LoadAsync();
        var current = _history!.Revisions.FirstOrDefault() ?? _history.Defaults;
        (_aaa, _aa, _a, _b) = (current.Aaa, current.Aa, current.A, current.B);
        _ruleValues = [.. CreditRulesInput.ValuesOf((_rules!.Revisions.FirstOrDefault() ?? _rules.Defaults).Rules).Select(v => (int?)v)];
    }

    private async Task LoadAsync()
    {
        _history = CreditBandsView.Of(await Credit.BandHistoryAsync(By));
        _rules = CreditRulesView.Of(await Credit.RuleHistoryAsync(By));
    }

    private Task SaveAsync() => RunAsync(
        () => Credit.SaveBandsAsync(By, new CreditBandsInput(_aaa, _aa, _a, _b, _year, _month, _history!.Latest)),
        LoadAsync, "Credit.Saved");

    private Task SaveRulesAsync() => RunAsync(
        () => Credit.SaveRulesAsync(By, CreditRulesInput.Of(_ruleValues, _year, _month, _rules!.Latest)),
        LoadAsync, "Credit.Saved");
}
