using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Pages.Admin;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>The people and accounts pages: a person added and edited through one form; a sign-in found and reset.</summary>
public sealed class PeoplePagesTests(ApiApp app) : AdminTest(app), IClassFixture<ApiApp>
{
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
}
