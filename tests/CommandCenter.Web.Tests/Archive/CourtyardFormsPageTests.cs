using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Components.Pages.Archive;
using CommandCenter.Web.Tests.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>
/// The courtyard page's forms for its owners' committee, party group and building heads: the same command as the API writes, the
/// domain's refusal said under the field with nothing stored, a change saved and audited, and no form for property staff.
/// </summary>
public sealed class CourtyardFormsPageTests : AdminTest, IClassFixture<ApiApp>
{
    private readonly ApiApp _app;

    public CourtyardFormsPageTests(ApiApp app) : base(app) => _app = app;

    [Fact]
    public async Task TheCommitteeForm_AnEvenCommitteeIsRefusedUnderTheList_ThenSevenAreSavedAndAudited()
    {
        var community = DemoAccounts.StaffOf("community", Directory.Staff)!;
        var courtyard = CourtyardOf(community);
        await Services.GetRequiredService<CourtyardLists>().RecordBodyAsync(Directory.PostOf(community, ActSource.Console), courtyard, CourtyardBody.OwnersCommittee,
            new BodyInput([.. Enumerable.Range(0, 5).Select(i => new MemberInput($"表单委员{i}", i == 0 ? BodyRole.Chair : BodyRole.Member))],
                new DateOnly(2025, 3, 1), new DateOnly(2030, 2, 28)));
        SignInAs(community);
        var dialogs = Context.Render<MudDialogProvider>();
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, courtyard.Value));
        page.WaitForAssertion(() => page.Find("[data-body-edit=OwnersCommittee]"), Patience);

        page.Find("[data-body-edit=OwnersCommittee]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal(5, dialogs.FindAll("[data-body-member]").Count));
        AddMember(dialogs, 6);
        dialogs.FindAll(Input("data-field='member-name'"))[5].Input("表单新委员甲");
        dialogs.Find("[data-body-save]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("业主委员会由 5 至 11 人单数组成。", dialogs.Find("[data-refusal=members]").TextContent.Trim()));
        Assert.Equal(5, (await MembersOf(courtyard, CourtyardBody.OwnersCommittee)).Count);

        AddMember(dialogs, 7);
        dialogs.FindAll(Input("data-field='member-name'"))[6].Input("表单新委员乙");
        dialogs.Find("[data-body-save]").Click();
        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("[data-body=OwnersCommittee] [data-member]").Count), Patience);
        Assert.Equal("saved", page.Find("[data-message]").GetAttribute("data-message"));

        var members = await MembersOf(courtyard, CourtyardBody.OwnersCommittee);
        Assert.Equal((7, 1, new DateOnly(2030, 2, 28)), (members.Count, members.Count(m => m.Role == BodyRole.Chair), members[0].TermUntil!.Value));
        Assert.Contains(members, m => m.Name == "表单新委员乙");
        await using var db = Db();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.CourtyardBodyRecorded && e.StaffId == community.Id
            && e.Detail == $"courtyard {courtyard} OwnersCommittee: 7, 2025-03-01–2030-02-28"));
    }

    [Fact]
    public async Task ThePartyGroupForm_ASecretaryIsSaved_AndANamelessMemberIsRefusedUnderTheList()
    {
        var community = DemoAccounts.StaffOf("community", Directory.Staff)!;
        var courtyard = CourtyardOf(community, skip: 1);
        SignInAs(community);
        var dialogs = Context.Render<MudDialogProvider>();
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, courtyard.Value));
        page.WaitForAssertion(() => page.Find("[data-body-edit=PartyGroup]"), Patience);

        page.Find("[data-body-edit=PartyGroup]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-body-add-member]"));
        var before = (await MembersOf(courtyard, CourtyardBody.PartyGroup)).Count;
        AddMember(dialogs, before + 1);
        dialogs.Find("[data-body-save]").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.Find("[data-refusal]").TextContent.Trim()));
        Assert.Equal(before, (await MembersOf(courtyard, CourtyardBody.PartyGroup)).Count);

        // The demo's roll, if any, is taken off, leaving the new row.
        for (var rows = before + 1; rows > 1; rows--)
        {
            dialogs.FindAll("[data-member-remove]")[0].Click();
            dialogs.WaitForAssertion(() => Assert.Equal(rows - 1, dialogs.FindAll("[data-body-member]").Count));
        }
        dialogs.Find(Input("data-field='member-name'")).Input("表单书记");
        dialogs.Find("[data-body-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("表单书记", page.Find("[data-body=PartyGroup]").TextContent), Patience);
        Assert.Equal([("表单书记", BodyRole.Secretary)], (await MembersOf(courtyard, CourtyardBody.PartyGroup)).Select(m => (m.Name, m.Role)));
    }

    [Fact]
    public async Task AFacility_IsRefusedWithoutAPlace_ThenAddedAndRetired_OnThePage_KeptOnFile()
    {
        var property = DemoAccounts.StaffOf("property", Directory.Staff)!;
        var courtyard = CourtyardOf(property, skip: 1);
        SignInAs(property);
        var dialogs = Context.Render<MudDialogProvider>();
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, courtyard.Value));
        page.WaitForAssertion(() => page.Find("[data-facility-add]"), Patience);
        await using var before = Db();
        var rows = await before.Facilities.CountAsync(f => f.CourtyardId == courtyard);

        page.Find("[data-facility-add]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-facility-save]"));
        dialogs.Find("[data-facility-save]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("place", dialogs.Find("[data-refusal]").GetAttribute("data-refusal")));
        await using (var unchanged = Db()) Assert.Equal(rows, await unchanged.Facilities.CountAsync(f => f.CourtyardId == courtyard));

        dialogs.Find(Input("data-field='facility-place'")).Input("表单新电梯");
        dialogs.Find("[data-facility-save]").Click();
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-facility-id]"), r => r.TextContent.Contains("表单新电梯")), Patience);
        await using var db = Db();
        var added = await db.Facilities.SingleAsync(f => f.CourtyardId == courtyard && f.Place == "表单新电梯");
        Assert.Equal((FacilityKind.Lift, 1, FacilityState.Working, ArchiveSource.PropertyCompany), (added.Kind, added.Count, added.State, added.Source));

        page.Find($"[data-facility-edit='{added.Id}']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-facility-retire]"));
        dialogs.Find("[data-facility-retire]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-facility-id='{added.Id}']")), Patience);
        await using var after = Db();
        Assert.NotNull((await after.Facilities.SingleAsync(f => f.Id == added.Id)).RetiredAtUtc);
        Assert.True(await after.AuditEntries.AnyAsync(e => e.Action == AuditActions.FacilityRetired && e.Detail!.StartsWith($"facility {added.Id} ")));
    }

    [Fact]
    public async Task AFacilityRetiredMeanwhile_IsRefusedAtTheFootOfItsDialog_WhichStaysOpen()
    {
        var property = DemoAccounts.StaffOf("property", Directory.Staff)!;
        var post = Directory.PostOf(property, ActSource.Console);
        var courtyard = CourtyardOf(property, skip: 2);
        var lists = Services.GetRequiredService<CourtyardLists>();
        var id = await lists.AddFacilityAsync(post, courtyard, new FacilityInput(FacilityKind.Camera, 2, "表单东门"));
        SignInAs(property);
        var dialogs = Context.Render<MudDialogProvider>();
        Context.Render<MudPopoverProvider>();
        var page = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, courtyard.Value));
        page.WaitForAssertion(() => page.Find($"[data-facility-edit='{id}']"), Patience);

        page.Find($"[data-facility-edit='{id}']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-facility-retire]"));
        // Another keeper retires it while the dialog is open.
        await lists.RetireFacilityAsync(post, id);
        await using var before = Db();
        var retiredAt = (await before.Facilities.SingleAsync(f => f.Id == id)).RetiredAtUtc;
        dialogs.Find("[data-facility-retire]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("该设施已停用，仅保留记录，不能再修改。",
            dialogs.Find("[data-refusal]").TextContent.Trim()), Patience);
        Assert.Single(dialogs.FindAll("[data-facility-save]"));
        dialogs.Find(Input("data-field='facility-place'")).Input("表单东门改");
        dialogs.Find("[data-facility-save]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("该设施已停用，仅保留记录，不能再修改。",
            dialogs.Find("[data-refusal]").TextContent.Trim()), Patience);
        await using var after = Db();
        var row = await after.Facilities.SingleAsync(f => f.Id == id);
        Assert.Equal(("表单东门", retiredAt), (row.Place, row.RetiredAtUtc));
    }

    [Fact]
    public void PropertyStaff_SeeNoFormAndNoPartyGroup()
    {
        var property = DemoAccounts.StaffOf("property", Directory.Staff)!;
        var courtyard = CourtyardOf(property);
        SignInAs(property);
        var page = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, courtyard.Value));
        page.WaitForAssertion(() => page.Find("[data-body=OwnersCommittee]"), Patience);
        Assert.Empty(page.FindAll("[data-body-edit]"));
        Assert.Single(page.FindAll("[data-facility-add]"));
        Assert.Empty(page.FindAll("[data-body=PartyGroup]"));
    }

    /// <summary>A row added to the open form, waited for: the dialog renders through its provider.</summary>
    private static void AddMember(IRenderedComponent<MudDialogProvider> dialogs, int rows)
    {
        dialogs.Find("[data-body-add-member]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal(rows, dialogs.FindAll("[data-body-member]").Count));
    }

    private CourtyardId CourtyardOf(Staff staff, int skip = 0) =>
        Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(Directory.PostOf(staff, ActSource.Console)).OrderByDescending(c => c.Id.Value).Skip(skip).First().Id;

    private async Task<List<CourtyardMember>> MembersOf(CourtyardId courtyard, CourtyardBody body)
    {
        await using var db = Db();
        return await db.CourtyardMembers.Where(m => m.CourtyardId == courtyard && m.Body == body).OrderBy(m => m.Id).ToListAsync();
    }

    private CommandCenterDbContext Db() => _app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContext();
}
