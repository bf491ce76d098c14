using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Credit;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Credit;

/// <summary>One company's ledger: its items with validity, voiding and appeals; the street adds items and decides appeals, the company appeals.</summary>
public sealed partial class CreditLedgerPage
{
    private static readonly CreditSource[] ByHand = [CreditSource.Award, CreditSource.Judgment, CreditSource.Manual];

    private readonly Dictionary<long, string?> _appealReasons = [];
    private CreditLedgerView? _ledger;
    private string? _refusal;
    private CreditSource _source = CreditSource.Manual;
    private DateTime? _date;
    private int _points;
    private string? _reason;
    private bool _veto;

    [Parameter] public int Id { get; set; }
    [Inject] public required CreditService Credit { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private UnitId CompanyId => new(Id);

    protected override async Task OnParametersSetAsync()
    {
        _date = ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime).ToDateTime(TimeOnly.MinValue);
        await ReloadAsync();
    }

    private bool MayAppeal(CreditItemView item) =>
        By.Can(Capability.AppealCredit) && By.UnitId == CompanyId && item.InForce && !item.Void && item.Appeals.Count == 0;

    private Task AddItemAsync() => RunAsync(async () =>
    {
        await Credit.AddItemAsync(By, new CreditItemInput(CompanyId, _source, _date is { } d ? DateOnly.FromDateTime(d) : null, _points, _reason, _veto));
        (_points, _reason, _veto) = (0, null, false);
    }, ReloadAsync, "Credit.Saved");

    private Task AppealAsync(long itemId) =>
        RunAsync(() => Credit.AppealAsync(By, CompanyId, new AppealInput(itemId, _appealReasons.GetValueOrDefault(itemId))), ReloadAsync, "Credit.Saved");

    private Task DecideAsync(long appealId, AppealOutcome outcome) =>
        RunAsync(() => Credit.DecideAppealAsync(By, CompanyId, appealId, new AppealDecisionInput(outcome)), ReloadAsync, "Credit.Saved");

    /// <summary>The ledger again; one out of the post's reach (another company's) is said as a refusal, not a fault.</summary>
    private async Task ReloadAsync()
    {
        try
        {
            (_ledger, _refusal) = (await Credit.LedgerAsync(By, CompanyId), null);
        }
        catch (Exception e) when (UserMessages.TryDescribe(Localizer, e, out var message))
        {
            (_ledger, _refusal) = (null, message);
        }
    }
}
