using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Components.Controls;
using CommandCenter.Web.Components.Pages.Phone;
using CommandCenter.Web.Tests.Public;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;

namespace CommandCenter.Web.Tests.Phone;

/// <summary>One task on the phone: exactly the commands the case and the post allow, each run from the phone with the console's own form.</summary>
public sealed class TaskDetailTests(ApiApp app) : PhoneTest(app), IClassFixture<ApiApp>
{
    private const string Note = "已到现场，正在清理";

    [Fact]
    public async Task Render_DispatchedToMyUnit_OffersSignAndReturnOnly()
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company);
        SignIn(staff);

        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, task.Id));

        Assert.Equal(["Sign", "Return"], Commands(page));
    }

    [Fact]
    public async Task Render_Signed_OffersProgressAndDoneOnly()
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company);
        await Cases.ExecuteAsync(task.Id, new SignCase(), System);
        SignIn(staff);

        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, task.Id));

        // The case also allows requests (延期, 缓办, 升级): those stay on the console.
        Assert.Equal(["AddProgress", "ReportDone"], Commands(page));
    }

    [Fact]
    public async Task Render_Supervised_ShowsTheOpenSupervisionAndOffersTheAnswer()
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company);
        await Cases.ExecuteAsync(task.Id, new SuperviseCase("居民第三次来电"), System);
        SignIn(staff);

        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, task.Id));

        Assert.Equal(["Sign", "Return", "AnswerSupervision"], Commands(page));
        Assert.Contains("居民第三次来电", page.Find("[data-supervision=open]").TextContent);
    }

    [Fact]
    public async Task Render_InMyAreaButNotMyUnits_OffersNothing_AndMasksTheReporter()
    {
        var (_, company) = PropertyStaff();
        var courtyard = Directory.Courtyard(company.ServedCourtyardIds[0])!;
        var gridWorker = Directory.Staff.First(s => s.Role == AccessRole.GridWorker && s.GridId == courtyard.GridId);
        var task = await DispatchedAsync(company);
        SignIn(gridWorker);

        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, task.Id));

        Assert.Equal(task.Number, page.Find("[data-case]").GetAttribute("data-case"));
        Assert.Empty(page.FindAll("[data-commands]"));
        Assert.Equal("张* · 138****5678", page.Find("[data-reporter]").TextContent.Trim());
    }

    [Fact]
    public async Task Sign_OneTap_SignsFromThePhone()
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company);
        var post = SignIn(staff);
        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, task.Id));

        page.Find("[data-command=Sign]").Click();

        page.WaitForAssertion(() => Assert.Equal("Sign", page.Find("[data-done]").GetAttribute("data-done")));
        Assert.Equal(["AddProgress", "ReportDone"], Commands(page));
        var signed = (await Queries.DetailAsync(post, task.Id))!.Timeline.Last();
        Assert.Equal((CaseEventType.Signed, ActSource.Phone, staff.Name), (signed.Type, signed.Source, signed.ActorName));
    }

    [Fact]
    public async Task Return_WithReasonCode_SendsTheCaseBack()
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company);
        var post = SignIn(staff);
        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, task.Id));

        page.Find("[data-command=Return]").Click();
        page.FindAll("[data-field='Field.ReturnReason'] [data-choice]").Single(b => b.TextContent.Trim() == "权属不清").Click();
        page.Find("[data-submit=Return]").Click();

        page.WaitForAssertion(() => Assert.Equal("Return", page.Find("[data-done]").GetAttribute("data-done")));
        var detail = (await Queries.DetailAsync(post, task.Id))!;
        Assert.Equal(CaseState.PendingDispatch, detail.State);
        Assert.Equal($"{nameof(ReturnReason)}.{nameof(ReturnReason.OwnershipUnclear)}", detail.Timeline.Last().Detail);
    }

    [Theory]
    [InlineData(CaseCommand.Return)]
    [InlineData(CaseCommand.AddProgress)]
    [InlineData(CaseCommand.ReportDone)]
    public async Task Form_IsTheConsolesForm_TheDialogsFieldsAndThePhonesPhotos(CaseCommand command)
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company);
        if (command != CaseCommand.Return) await Cases.ExecuteAsync(task.Id, new SignCase(), System);
        var post = SignIn(staff);
        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, task.Id));

        page.Find($"[data-command={command}]").Click();
        var onThePhone = page.FindAll("[data-form] [data-field]").Select(e => e.GetAttribute("data-field")!).Distinct().ToList();
        var form = await CatalogFor(Context.Services, post).FormForAsync(command, (await Queries.DetailAsync(post, task.Id))!);
        var inTheDialog = CommandDialogHost.Open(Context, form).Fields;

        Assert.NotEmpty(inTheDialog);
        Assert.Equal([.. inTheDialog, .. form.TakesPhotos ? ["photos"] : Array.Empty<string>()], onThePhone);
    }

    [Fact]
    public async Task Return_WithoutAReason_SaysWhatIsMissingInChinese_AndSendsNothing()
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company);
        var post = SignIn(staff);
        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, task.Id));

        page.Find("[data-command=Return]").Click();
        page.Find("[data-submit=Return]").Click();

        Assert.Equal("请填写退单原因。", page.Find("[data-field='Field.ReturnReason'] [data-missing]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-done]"));
        Assert.Equal(CaseState.Dispatched, (await Queries.DetailAsync(post, task.Id))!.State);
    }

    [Fact]
    public async Task Progress_WithAFileThatIsNoPhoto_IsRefusedInChinese_AndNothingIsStored()
    {
        var (page, task, post) = await SendProgressAsync(Photos.Of("text"));

        page.WaitForAssertion(() => Assert.Contains("这个文件不是照片", page.Find("[data-error]").TextContent));
        Assert.DoesNotContain((await Queries.DetailAsync(post, task.Id))!.Timeline, e => e.Type == CaseEventType.ProgressNoted);
    }

    [Fact]
    public async Task Progress_WithAPhoto_RecordsItWithTheNote()
    {
        var (page, task, post) = await SendProgressAsync(Photos.Of("jpeg"));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-photos-of=ProgressNoted] img")), TimeSpan.FromSeconds(10));
        var progress = (await Queries.DetailAsync(post, task.Id))!.Timeline.Single(e => e.Type == CaseEventType.ProgressNoted);
        Assert.Equal(Note, progress.Note);
        Assert.StartsWith("/photos/", Assert.Single(progress.Attachments).Path);
    }

    /// <summary>A signed task's progress form filled in with <see cref="Note"/> and one upload, and sent.</summary>
    private async Task<(IRenderedComponent<LiveClock> Page, Case Task, Domain.Access.Post Post)> SendProgressAsync(byte[] upload)
    {
        var (staff, company) = PropertyStaff();
        var task = await DispatchedAsync(company);
        await Cases.ExecuteAsync(task.Id, new SignCase(), System);
        var post = SignIn(staff);
        var page = RenderPage<TaskDetail>(p => p.Add(t => t.Id, task.Id));

        page.Find("[data-command=AddProgress]").Click();
        page.Find("textarea[data-field='Field.Note']").Input(Note);
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(upload, "IMG_0001.jpg", contentType: "image/jpeg"));
        page.Find("[data-submit=AddProgress]").Click();
        return (page, task, post);
    }

    private static List<string?> Commands(IRenderedComponent<LiveClock> page) =>
        [.. page.FindAll("[data-command]").Select(b => b.GetAttribute("data-command"))];
}
