using Bunit;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Web.Components.Pages.Admin;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>The token page: tokens listed by prefix, a new secret shown once, revoking after a confirmation.</summary>
public sealed class TokensPageTests(ApiApp app) : AdminTest(app), IClassFixture<ApiApp>
{
    [Fact]
    public async Task CreateDisplay_ShowsTheSecretAndWallAddressOnce_AndListsOnlyItsPrefix()
    {
        var name = Unique("大厅屏");
        var page = RenderPage<Tokens>();

        page.Find(Input("data-field='display-name'")).Change(name);
        page.Find("[data-action='create-display']").Click();

        var secret = page.WaitForElement(Input("data-copy='secret'")).GetAttribute("value")!;
        var token = await Tokens.FindActiveAsync(secret);
        Assert.NotNull(token);
        Assert.Equal(name, token.Name);
        Assert.Null(token.CommunityId);
        Assert.Equal($"http://localhost/wall?access_token={secret}", page.Find(Input("data-copy='wall-url'")).GetAttribute("value"));
        Assert.Contains("只显示这一次", page.Find("[data-issued]").TextContent);
        var row = page.Find($"tr:has([data-revoke='{token.Id}'])");
        Assert.Contains($"{token.Prefix}…", row.TextContent);
        Assert.Contains(Directory.AreaName(token.StreetId), row.TextContent);
        Assert.Contains(Administrator.Name, row.TextContent);
        Assert.DoesNotContain(secret, row.InnerHtml);

        page.Find("[data-action='close-issued']").Click();

        Assert.Empty(page.FindAll("[data-issued]"));
        Assert.DoesNotContain(secret, page.Markup);
        Assert.DoesNotContain(secret, Context.Render<Tokens>().Markup);
    }

    [Fact]
    public void CreateDisplay_WithoutAName_SaysWhyInChinese_AndMakesNoToken()
    {
        var page = RenderPage<Tokens>();
        var before = page.FindAll("[data-status]").Count;

        page.Find("[data-action='create-display']").Click();

        Assert.Equal("请为令牌填写 1 至 64 个字的名称。", page.Find("[data-message='error']").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-issued]"));
        Assert.Equal(before, page.FindAll("[data-status]").Count);
    }

    [Fact]
    public async Task Revoke_Cancelled_KeepsTheTokenActive()
    {
        var issued = await Tokens.CreateDisplayAsync(Unique("走廊屏"), null, null, System);
        var page = RenderPage<Tokens>();

        page.Find($"[data-revoke='{issued.Token.Id}']").Click();
        Dialogs.WaitForElement(".mud-dialog");
        Dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "取消").Click();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll(".mud-dialog")));
        Assert.True(await Tokens.IsActiveAsync(issued.Token.Id));
        Assert.Equal("active", page.Find($"tr:has([data-revoke='{issued.Token.Id}']) [data-status]").GetAttribute("data-status"));
    }

    [Fact]
    public async Task Revoke_Confirmed_MarksTheTokenRevokedByWhomAndWhen()
    {
        var issued = await Tokens.CreateDisplayAsync(Unique("会议室屏"), null, Directory.Communities.First().Id, System);
        var page = RenderPage<Tokens>();

        page.Find($"[data-revoke='{issued.Token.Id}']").Click();
        Assert.Contains(issued.Token.Name, Dialogs.WaitForElement(".mud-dialog").TextContent);
        Dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "撤销").Click();

        page.WaitForAssertion(() => Assert.Contains($"令牌“{issued.Token.Name}”已撤销。", page.Find("[data-message='saved']").TextContent));
        Assert.False(await Tokens.IsActiveAsync(issued.Token.Id));
        Assert.Null(await Tokens.FindActiveAsync(issued.Secret));
        var row = page.FindAll("tr").Single(r => r.TextContent.Contains(issued.Token.Name, StringComparison.Ordinal));
        Assert.Equal("revoked", row.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains("已撤销", row.TextContent);
        Assert.Contains(Administrator.Name, row.QuerySelectorAll("td")[5].TextContent);
        Assert.Null(row.QuerySelector("[data-revoke]"));
    }
}
