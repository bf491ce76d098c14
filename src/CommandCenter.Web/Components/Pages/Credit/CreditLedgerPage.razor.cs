using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Web.Session;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Credit;

/// <summary>One company's ledger: its items with validity, voiding and appeals; the street adds items and decides appeals, the company appeals.</summary>
public sealed partial class CreditLedgerPage
{
    private static readonly CreditSource[] ByHand = [CreditSource.Award, CreditSource.Judgment, CreditSource.Manual];

    private readonly Dictionary<long, string?> _appealReasons = [];
    private CreditLedgerView? _ledger;
    private CreditSource _source = CreditSource.Manual;
    private DateTime? _date;
    private int _points;
    private string? _reason;
    private bool _veto;
    private string? _message;
    private bool _failed;

    [Parameter] public int Id { get; set; }
    [Inject] public required CreditService Credit { get; init; }
    [Inject] public required CurrentActor Actor { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private UnitId CompanyId => new(Id);

    protected override async Task OnParametersSetAsync()
    {
        _date = ChinaTime.LocalDate(Clock.GetUtcNow().UtcDateTime).ToDateTime(TimeOnly.MinValue);
        await ActAsync(() => Task.FromResult<string?>(null));
    }

    private bool MayAppeal(CreditItemView item) =>
        Actor.Post.Can(Capability.AppealCredit) && Actor.Post.UnitId == CompanyId && item.InForce && !item.Void && item.Appeals.Count == 0;

    private Task AddItemAsync() => ActAsync(async () =>
    {
        await Credit.AddItemAsync(Actor.Post, new CreditItemInput(CompanyId, _source, _date is { } d ? DateOnly.FromDateTime(d) : null, _points, _reason, _veto));
        (_points, _reason, _veto) = (0, null, false);
        return L["Credit.Saved"];
    });

    private Task AppealAsync(long itemId) => ActAsync(async () =>
    {
        await Credit.AppealAsync(Actor.Post, CompanyId, new AppealInput(itemId, _appealReasons.GetValueOrDefault(itemId)));
        return L["Credit.Saved"];
    });

    private Task DecideAsync(long appealId, AppealOutcome outcome) => ActAsync(async () =>
    {
        await Credit.DecideAppealAsync(Actor.Post, CompanyId, appealId, new AppealDecisionInput(outcome));
        return L["Credit.Saved"];
    });

    /// <summary>Runs an act, then reads the ledger again; a refusal is said in the user's words and leaves the page as it was.</summary>
    private async Task ActAsync(Func<Task<string?>> act)
    {
        try
        {
            _message = await act();
            _failed = false;
            _ledger = await Credit.LedgerAsync(Actor.Post, CompanyId);
        }
        catch (Exception e) when (UserMessages.TryDescribe(L, e, out var message))
        {
            (_message, _failed) = (message, true);
        }
    }
}
