using Bunit;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Credit;
using CommandCenter.Web.Components.Pages.Credit;
using CommandCenter.Web.Tests.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Credit;

/// <summary>The bands page: the street saves bands and rules as revisions from next month; refused ones are said in words and store nothing.</summary>
public sealed class BandsPageTests(ApiApp app) : AdminTest(app), IClassFixture<ApiApp>
{
    private readonly CreditService _credit = app.Factory.Services.GetRequiredService<CreditService>();

    [Fact]
    public async Task TheStreetSavesARevision_ADisorderedOneIsRefused()
    {
        SignInAs(DemoAccounts.StaffOf("leader", Directory.Staff)!);
        var page = RenderPage<BandsPage>();
        page.WaitForAssertion(() => page.Find("[data-table=bands] [data-revision='0']"));

        page.Find(Input("data-field=aa")).Change("96");
        page.Find("[data-action=save]").Click();
        page.WaitForElement("[data-message='error']");
        Assert.Equal(0, (await _credit.BandHistoryAsync(System)).Latest);

        page.Find(Input("data-field=aa")).Change("90");
        page.Find(Input("data-field=a")).Change("78");
        page.Find("[data-action=save]").Click();

        page.WaitForAssertion(() => Assert.Equal("78", page.Find("[data-revision='1'] [data-band=A]").TextContent));
        var next = ChinaTime.LocalDate(DateTime.UtcNow).AddMonths(1);
        var saved = Assert.Single((await _credit.BandHistoryAsync(System)).Revisions);
        Assert.Equal((78, next.Year, next.Month), (saved.Bands.A, saved.From.Year, saved.From.Month));
    }

    [Fact]
    public async Task TheStreetSavesRules_ANegativeValidityIsRefused()
    {
        SignInAs(DemoAccounts.StaffOf("leader", Directory.Staff)!);
        var page = RenderPage<BandsPage>();
        page.WaitForAssertion(() => Assert.Equal("12", page.Find("[data-table=rules] [data-rule=ValidityMonths] td:last-child").TextContent));

        page.Find(Input("data-field=ValidityMonths")).Change("-1");
        page.Find("[data-action=save-rules]").Click();
        page.WaitForElement("[data-message='error']");
        Assert.Equal(0, (await _credit.RuleHistoryAsync(System)).Latest);

        page.Find(Input("data-field=ValidityMonths")).Change("24");
        page.Find(Input("data-field=ReworkPoints")).Change("3");
        page.Find("[data-action=save-rules]").Click();

        page.WaitForAssertion(() => Assert.Equal("24", page.Find("[data-table=rules] [data-rule=ValidityMonths] td:nth-child(2)").TextContent));
        var next = ChinaTime.LocalDate(DateTime.UtcNow).AddMonths(1);
        var saved = Assert.Single((await _credit.RuleHistoryAsync(System)).Revisions);
        Assert.Equal((3, 24, next.Year, next.Month), (saved.Rules.ReworkPoints, saved.Rules.ValidityMonths, saved.From.Year, saved.From.Month));
    }

    [Fact]
    public void WhoMayOnlyView_SeesNoForm()
    {
        SignInAs(DemoAccounts.StaffOf("property", Directory.Staff)!);

        var page = RenderPage<BandsPage>();

        page.WaitForAssertion(() => page.Find("[data-table=bands]"));
        Assert.Empty(page.FindAll("[data-form=bands]"));
        Assert.Empty(page.FindAll("[data-form=rules]"));
        page.Find("[data-table=rules]");
    }
}
