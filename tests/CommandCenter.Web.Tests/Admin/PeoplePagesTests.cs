using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Pages.Admin;
using CommandCenter.Web.Tests.Support;
using MudBlazor;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>The people and accounts pages: a person added and edited through one form; a sign-in found and reset.</summary>
public sealed class PeoplePagesTests : AdminTest, IClassFixture<ApiApp>
{
    private readonly CommandCenterFactory _factory;

    public PeoplePagesTests(ApiApp app) : base(app) => _factory = app.Factory;

    /// <summary>
    /// A district administrator chooses a street-level person's street (docs/decisions/0017): the select is offered and
    /// what is chosen is stored.
    /// </summary>
    [Fact]
    public async Task ADistrictAdministrator_ChoosesAStreetLevelPersonsStreet()
    {
        var (streetB, _) = await TestStreets.SecondStreetAsync(_factory);
        var phone = "134" + Random.Shared.Next(10_000_000, 99_999_999);
        var page = RenderPage<People>();

        page.Find(Input("data-field='name'")).Change(Unique("孙"));
        page.Find(Input("data-field='phone'")).Change(phone);
        await Choose<StreetId?>(page, "street", streetB);
        page.Find("[data-action='save-person']").Click();

        page.WaitForAssertion(() => Assert.Equal("saved", page.Find("[data-message]").GetAttribute("data-message")), Patience);
        Assert.Equal((AccessRole.Dispatcher, streetB), Directory.Staff.Single(s => s.Phone == phone) is var added ? (added.Role, added.StreetId) : default);
    }

    /// <summary>
    /// A street's administrator is offered no street (their people are in their street); a post in another street's
    /// community is refused with its sentence on the page, and nobody is added.
    /// </summary>
    [Fact]
    public async Task AStreetsAdministrator_IsOfferedNoStreet_AndAnotherStreetsCommunityIsRefusedInWords()
    {
        var (streetB, _) = await TestStreets.SecondStreetAsync(_factory);
        var streetA = Directory.Streets.Single(s => s.Id != streetB).Id;
        var communityB = Directory.Communities.First(c => c.StreetId == streetB).Id;
        var own = await People.AddAsync(new NewStaff(Unique("周"), "133" + Random.Shared.Next(10_000_000, 99_999_999), AccessRole.Administrator,
            null, null, null, null, null) { StreetId = streetA }, System);
        SignInAs(Directory.StaffMember(own.Id)!);
        var phone = "132" + Random.Shared.Next(10_000_000, 99_999_999);
        var page = RenderPage<People>();

        Assert.Empty(page.FindAll("[data-field='street']"));
        page.Find(Input("data-field='name'")).Change(Unique("吴"));
        page.Find(Input("data-field='phone'")).Change(phone);
        await Choose(page, "role", AccessRole.CommunityStaff);
        await Choose<CommunityId?>(page, "community", communityB);
        page.Find("[data-action='save-person']").Click();

        page.WaitForAssertion(() => Assert.Equal("error", page.Find("[data-message]").GetAttribute("data-message")), Patience);
        Assert.Equal("街道管理员只能在本街道添加和管理人员。", page.Find("[data-message]").TextContent.Trim());
        Assert.DoesNotContain(Directory.Staff, s => s.Phone == phone);
    }

    [Fact]
    public void ThePeoplePage_AddsAPersonWithASignIn_ThenEditsTheirPhone()
    {
        var name = Unique("赵");
        var phone = "137" + Random.Shared.Next(10_000_000, 99_999_999);
        var page = RenderPage<People>();

        page.Find(Input("data-field='name'")).Change(name);
        page.Find(Input("data-field='phone'")).Change(phone);
        page.Find(Input("data-field='user-name'")).Change("u" + phone);
        page.Find(Input("data-field='password'")).Change("Person-2026x");
        page.Find("[data-action='save-person']").Click();

        page.WaitForAssertion(() => Assert.Equal("saved", page.Find("[data-message]").GetAttribute("data-message")), Patience);
        var added = Directory.Staff.Single(s => s.Phone == phone);
        Assert.Equal((name, AccessRole.Dispatcher), (added.Name, added.Role));
        page.Find(Input("data-field='search'")).Input(phone);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-person]")), Patience);
        page.Find($"[data-edit='{added.Id}']").Click();
        page.Find(Input("data-field='phone'")).Change("136" + phone[3..]);
        page.Find("[data-action='save-person']").Click();

        page.WaitForAssertion(() => Assert.Equal("136" + phone[3..], Directory.StaffMember(added.Id)!.Phone), Patience);
    }

    [Fact]
    public async Task TheAccountsPage_ResetsASignIn_AndShowsTheOneTimePasswordOnce()
    {
        var phone = "135" + Random.Shared.Next(10_000_000, 99_999_999);
        var added = await People.AddAsync(new NewStaff("钱多", phone, AccessRole.Dispatcher, null, null, null, "r" + phone, "Person-2026x"), System);
        var page = RenderPage<Accounts>();

        page.Find(Input("data-field='search'")).Input("r" + phone);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-account]")), Patience);
        page.Find($"[data-reset-password='r{phone}']").Click();

        var temporary = page.WaitForElement("[data-temporary-password]", Patience).TextContent;
        Assert.True(Directory.PasswordChangeDue(added.Id));
        Assert.Equal(12, temporary.Length);
        Assert.Equal("PasswordChangeDue", page.Find("[data-state]").GetAttribute("data-state"));
        Assert.Empty(page.FindAll("[data-reset-password='dispatcher']"));
    }

    /// <summary>Picks a value in the form's select marked <paramref name="field"/>, as choosing it in the list would.</summary>
    private static Task Choose<T>(IRenderedComponent<People> page, string field, T value)
    {
        var select = page.FindComponents<MudSelect<T>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-field"), field));
        return select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
