using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Web.Components.Pages.Credit;
using CommandCenter.Web.Tests.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Credit;

/// <summary>
/// The console's ledger page over the real app: the company's staff appeal an item of their own company, a street leader
/// upholds it and the item turns void; another company's ledger is refused in words.
/// </summary>
public sealed class CreditLedgerPageTests : AdminTest, IClassFixture<ApiApp>
{
    private readonly CreditService _credit;
    private readonly Staff _property;
    private IRenderedComponent<MudBlazor.MudPopoverProvider>? _popovers;

    public CreditLedgerPageTests(ApiApp app) : base(app)
    {
        _credit = app.Factory.Services.GetRequiredService<CreditService>();
        _property = DemoAccounts.StaffOf("property", Directory.Staff)!;
    }

    private UnitId Company => _property.UnitId!.Value;

    [Fact]
    public async Task TheCompanyAppeals_AndALeaderUpholds_TheItemTurnsVoid()
    {
        var itemId = await _credit.AddItemAsync(System, new CreditItemInput(Company, CreditSource.Manual,
            ChinaTime.LocalDate(DateTime.UtcNow), -5, "绿化养护不到位"));
        SignInAs(_property);

        var page = RenderLedger(Company);
        page.WaitForAssertion(() => page.Find($"[data-item='{itemId}'] [data-action=appeal]"));
        Assert.Empty(page.FindAll("[data-form=item]"));
        page.Find($"[data-item='{itemId}'] input[data-field=appeal]").Change("已按合同整改");
        page.Find($"[data-item='{itemId}'] [data-action=appeal]").Click();
        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find($"[data-item='{itemId}'] [data-appeal]").GetAttribute("data-state")));
        Assert.Empty(page.FindAll("[data-action=uphold]"));

        SignInAs(DemoAccounts.StaffOf("leader", Directory.Staff)!);
        var leaders = RenderLedger(Company);
        leaders.WaitForAssertion(() => leaders.Find($"[data-item='{itemId}'] [data-action=uphold]"));
        leaders.Find($"[data-item='{itemId}'] [data-action=uphold]").Click();

        leaders.WaitForAssertion(() => Assert.Equal("false", leaders.Find($"[data-item='{itemId}']").GetAttribute("data-counts")));
        Assert.Equal("Upheld", leaders.Find($"[data-item='{itemId}'] [data-appeal]").GetAttribute("data-state"));
    }

    [Fact]
    public void AnotherCompanysLedger_IsRefusedInWords()
    {
        var other = Directory.Units.First(u => u.Kind == UnitKind.PropertyCompany && u.Id != Company).Id;
        SignInAs(_property);

        var page = RenderLedger(other);

        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("[data-refusal]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-table=ledger]"));
    }

    /// <summary>The page as the post signed in last sees it, with the popover provider its selects and date picker need.</summary>
    private IRenderedComponent<CreditLedgerPage> RenderLedger(UnitId company)
    {
        _popovers ??= Context.Render<MudBlazor.MudPopoverProvider>();
        return Context.Render<CreditLedgerPage>(p => p.Add(x => x.Id, company.Value));
    }
}
