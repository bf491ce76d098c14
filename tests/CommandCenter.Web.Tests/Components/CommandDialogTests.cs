using Bunit;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Components.Pages.Cases;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Components;

/// <summary>The console's command dialog: it shows the form's questions, refuses to send with a required one empty, and sends the command's own request.</summary>
public sealed class CommandDialogTests(ApiApp app) : ComponentTest, IClassFixture<ApiApp>
{
    private static readonly Post System = Post.System(ActSource.Console);

    [Fact]
    public async Task Render_Return_ShowsTheReasonCodesAndTheNote_InChinese()
    {
        var dialog = CommandDialogHost.Open(Context, await FormForAsync(CaseCommand.Return));

        Assert.Equal(["Field.ReturnReason", "Field.Note"], dialog.Fields);
        var markup = dialog.Provider.Find(".mud-dialog").TextContent;
        Assert.Contains("退单 · CT-20261203-0001", markup);
        Assert.Contains("退单原因", markup);
        Assert.All(["属地不符", "权属不清", "职能交叉", "其他"], reason => Assert.Contains(reason, markup));
        Assert.Contains("选择“其他”时，请在说明中写明原因。", dialog.Provider.Find("[data-hint]").TextContent);
    }

    [Fact]
    public async Task Send_WithTheRequiredReasonEmpty_IsRefusedWithTheSentence_AndSendsNothing()
    {
        var dialog = CommandDialogHost.Open(Context, await FormForAsync(CaseCommand.Reject));

        dialog.Send();

        dialog.Provider.WaitForAssertion(() => Assert.Contains("请填写原因。", dialog.Provider.Find(".mud-dialog").TextContent));
        Assert.Empty(dialog.Sent);
        Assert.False(dialog.Closed.IsCompleted);
    }

    [Fact]
    public async Task Send_Reject_BuildsRejectCase_WithTheReasonTyped()
    {
        var dialog = CommandDialogHost.Open(Context, await FormForAsync(CaseCommand.Reject));

        dialog.Provider.Find("textarea[data-field='Field.Reason']").Input("同一问题已由 12345 转来");
        dialog.Send();

        await dialog.Closed;
        Assert.Equal(new RejectCase("同一问题已由 12345 转来"), Assert.Single(dialog.Sent));
    }

    [Fact]
    public async Task Send_Return_BuildsReturnCase_WithTheReasonChosenAndTheNote()
    {
        var dialog = CommandDialogHost.Open(Context, await FormForAsync(CaseCommand.Return));

        dialog.Provider.FindAll(".mud-dialog .mud-radio").Single(r => r.TextContent.Contains("其他", StringComparison.Ordinal))
            .QuerySelector("input")!.Click();
        dialog.Provider.Find("textarea[data-field='Field.Note']").Input("该楼栋由开发商自管");
        dialog.Send();

        await dialog.Closed;
        Assert.Equal(new ReturnCase(ReturnReason.Other, "该楼栋由开发商自管"), Assert.Single(dialog.Sent));
    }

    [Fact]
    public async Task Send_Sign_AsksNothingButConfirmation_AndSendsSignCase()
    {
        var dialog = CommandDialogHost.Open(Context, await FormForAsync(CaseCommand.Sign));

        Assert.Empty(dialog.Fields);
        Assert.Contains("确认签收？", dialog.Provider.Find(".mud-dialog").TextContent);
        dialog.Send();

        await dialog.Closed;
        Assert.IsType<SignCase>(Assert.Single(dialog.Sent));
    }

    [Fact]
    public async Task Enter_OnAChosenAnswer_SendsTheCommand()
    {
        var dialog = CommandDialogHost.Open(Context, await FormForAsync(CaseCommand.Return));
        dialog.Provider.FindAll(".mud-dialog .mud-radio input").First().Click();

        await dialog.Provider.Find("[data-dialog-keys]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        await dialog.Closed;
        Assert.IsType<ReturnCase>(Assert.Single(dialog.Sent));
    }

    [Fact]
    public async Task Enter_InAMultiLineText_IsANewLine_AndSendsNothing()
    {
        var dialog = CommandDialogHost.Open(Context, await FormForAsync(CaseCommand.Reject));
        var reason = dialog.Provider.Find("textarea[data-field='Field.Reason']");
        reason.Input("第一行");

        await reason.KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        Assert.Empty(dialog.Sent);
        Assert.False(dialog.Closed.IsCompleted);
    }

    [Fact]
    public async Task Enter_OnAConfirmation_SendsIt()
    {
        var dialog = CommandDialogHost.Open(Context, await FormForAsync(CaseCommand.Sign));

        await dialog.Provider.Find("[data-dialog-keys]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        await dialog.Closed;
        Assert.IsType<SignCase>(Assert.Single(dialog.Sent));
    }

    [Fact]
    public async Task Enter_OnAcceptAndDispatch_SendsBothCommands_WithTheNoteForTheUnit()
    {
        var detail = await ReportedAsync();
        var now = new DateTime(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);
        var dialog = CommandDialogHost.Open(Context, CatalogFor(app.Factory.Services, System).AcceptAndDispatch(detail, DeadlineRules.Default, now));

        Assert.Equal(["Field.UnitId", "Field.Note"], dialog.Fields);
        Assert.Contains("受理并派遣 · CT-20261203-0001", dialog.Provider.Find(".mud-dialog").TextContent);
        Assert.Contains("签收时限：", dialog.Provider.Find("[data-hint]").TextContent);
        if (!dialog.Provider.FindAll(".mud-dialog [data-field='Field.UnitId'] input:checked").Any())
            dialog.Provider.FindAll(".mud-dialog [data-field='Field.UnitId'] .mud-radio input").First().Click();
        dialog.Provider.Find("textarea[data-field='Field.Note']").Input("请今天处理");

        await dialog.Provider.Find("[data-dialog-keys]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        await dialog.Closed;
        Assert.Equal(2, dialog.Sent.Count);
        Assert.Equal(new AcceptCase(), dialog.Sent[0]);
        var dispatch = Assert.IsType<DispatchCase>(dialog.Sent[1]);
        Assert.NotNull(dispatch.UnitId);
        Assert.Equal("请今天处理", dispatch.Note);
    }

    /// <summary>The catalog's form for a case just reported, as the case page would ask for it.</summary>
    private async Task<CommandForm> FormForAsync(CaseCommand command) =>
        await CatalogFor(app.Factory.Services, System).FormForAsync(command, await ReportedAsync());

    private async Task<CaseDetail> ReportedAsync()
    {
        var services = app.Factory.Services;
        var reported = await services.GetRequiredService<CaseService>().ReportAsync(
            new ReportCaseRequest(Channel.Hotline, "0101", Domain.Categories.Urgency.Normal, new CourtyardId(1), null, "垃圾堆放"), System);
        return (await services.GetRequiredService<CaseQueries>().DetailAsync(System, reported.Id))!;
    }
}
