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
/// One home on the console over the real app: its owners and residents with masked numbers, one revealed and audited; a resident
/// added, corrected and ended through the same book the phone's round writes with, the ended one kept as history; a title
/// transferred with the former owners kept; a home outside the scope not found, and property staff without tags or the resident book.
/// </summary>
public sealed class HomeArchivePageTests : AdminTest, IClassFixture<ApiApp>
{
    private readonly ApiApp _app;

    public HomeArchivePageTests(ApiApp app) : base(app) => _app = app;

    [Fact]
    public async Task AGridWorker_SeesAHomeMasked_RevealsOneResidentAudited_AndAHomeElsewhereIsNotFound()
    {
        var grid = DemoAccounts.StaffOf("grid", Directory.Staff)!;
        var home = await HomeOf(grid, withNumbers: true);
        var audited = await Log.QueryAsync(new AuditQuery { StaffId = grid.Id, PageSize = 1 });
        SignInAs(grid);

        var page = Render(home.Id);
        page.WaitForAssertion(() => page.Find("[data-residents]"), Patience);
        Assert.Contains(home.UnitNumber, page.Find("h1").TextContent);
        Assert.All(page.FindAll("[data-masked=id]").Where(c => c.TextContent.Trim().Length > 0), cell => Assert.Contains("*", cell.TextContent));
        Assert.NotEmpty(page.FindAll("[data-resident-edit]"));

        page.FindAll("[data-reveal]")[0].Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-revealed=id]")));
        Assert.Equal(audited.TotalCount + 1, (await Log.QueryAsync(new AuditQuery { StaffId = grid.Id, PageSize = 1 })).TotalCount);

        var elsewhere = await HomeOutside(grid);
        var refused = Render(elsewhere);
        refused.WaitForAssertion(() => refused.Find("[data-not-found]"));
    }

    [Fact]
    public async Task PropertyStaff_SeeOwnersAndTheTransfer_ButNoTagsAndNoResidentBook()
    {
        var property = DemoAccounts.StaffOf("property", Directory.Staff)!;
        var home = await HomeOf(property, withNumbers: false);
        SignInAs(property);

        var page = Render(home.Id);
        page.WaitForAssertion(() => page.Find("[data-owners]"), Patience);
        Assert.Empty(page.FindAll("[data-tags-column]"));
        Assert.Empty(page.FindAll("[data-tags]"));
        Assert.Empty(page.FindAll("[data-resident-add]"));
        Assert.Empty(page.FindAll("[data-resident-edit]"));
        Assert.Single(page.FindAll("[data-transfer-open]"));
    }

    [Fact]
    public async Task AResident_IsAddedCorrectedAndEnded_OnThePage_KeptAsHistory_AuditedEachTime()
    {
        var community = DemoAccounts.StaffOf("community", Directory.Staff)!;
        var home = await HomeOf(community, withNumbers: false);
        var name = $"页面新住户{Guid.NewGuid():N}"[..12];
        SignInAs(community);
        var dialogs = Context.Render<MudDialogProvider>();
        var page = Render(home.Id);
        page.WaitForAssertion(() => page.Find("[data-resident-add]"), Patience);

        page.Find("[data-resident-add]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(Input("data-field='resident-name'")));
        dialogs.Find(Input("data-field='resident-name'")).Input(name);
        dialogs.Find("[data-tag-box=Volunteer] input").Change(true);
        dialogs.Find("[data-resident-save]").Click();
        var id = await WaitForResident(name);
        page.WaitForAssertion(() => page.Find($"[data-resident='{id.Value}']"));

        page.Find($"[data-resident-edit='{id.Value}']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-tag-box=ElderlyAlone] input"));
        dialogs.Find("[data-tag-box=ElderlyAlone] input").Change(true);
        dialogs.Find("[data-resident-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("ElderlyAlone", page.Find($"[data-resident='{id.Value}'] [data-tags]").GetAttribute("data-tags")));

        page.Find($"[data-resident-end='{id.Value}']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-end-save]"));
        dialogs.Find("[data-end-save]").Click();
        page.WaitForAssertion(() => page.Find($"[data-former-resident='{id.Value}']"));
        Assert.Empty(page.FindAll($"[data-resident='{id.Value}']"));

        await using var db = Db();
        var resident = await db.Residents.SingleAsync(r => r.Id == id);
        Assert.Equal((ResidentTags.Volunteer | ResidentTags.ElderlyAlone, RemovalReason.Moved, ArchiveSource.ResidentBook),
            (resident.Tags, resident.Removal!.Value, resident.Source));
        var audit = await db.AuditEntries.Where(e => e.Detail!.StartsWith($"resident {id}")).Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditActions.ResidentAdded, AuditActions.ResidentChanged, AuditActions.ResidentRemoved], audit.Order());
    }

    [Fact]
    public async Task ATitle_IsTransferredOnThePage_ToANewOwner_TheFormerOwnersKeptAndAudited()
    {
        var property = DemoAccounts.StaffOf("property", Directory.Staff)!;
        var home = await HomeOf(property, withNumbers: false);
        await using var before = Db();
        var leaving = await before.Ownerships.Where(o => o.HomeId == home.Id).Select(o => o.OwnerId).ToListAsync();
        Assert.NotEmpty(leaving);
        var buyer = $"页面买受人{Guid.NewGuid():N}"[..12];
        SignInAs(property);
        var dialogs = Context.Render<MudDialogProvider>();
        Context.Render<MudPopoverProvider>();
        var page = Render(home.Id);
        page.WaitForAssertion(() => page.Find("[data-transfer-open]"), Patience);

        page.Find("[data-transfer-open]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-transfer-add-owner]"));
        dialogs.Find("[data-transfer-add-owner]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(Input("data-field='owner-name'")));
        dialogs.Find(Input("data-field='owner-name'")).Input(buyer);
        dialogs.Find("[data-transfer-save]").Click();
        page.WaitForAssertion(() => Assert.Contains(buyer, page.Find("[data-owners]").TextContent), Patience);
        Assert.Equal(leaving.Count, page.FindAll("[data-former-owner]").Count(r => leaving.Any(o => r.GetAttribute("data-former-owner") == o.Value.ToString())));

        await using var db = Db();
        var title = await db.Ownerships.Where(o => o.HomeId == home.Id).Join(db.Owners, o => o.OwnerId, p => p.Id, (o, p) => p.Name).ToListAsync();
        Assert.Equal([buyer], title);
        Assert.Equal(leaving.Order(), (await db.FormerOwnerships.Where(f => f.HomeId == home.Id && f.Change == TitleChange.Sale).Select(f => f.OwnerId).ToListAsync()).Distinct().Order());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.HomeTitleTransferred && e.Detail!.StartsWith($"home {home.Id} Sale")));
    }

    private IRenderedComponent<HomeArchivePage> Render(HomeId id) => Context.Render<HomeArchivePage>(p => p.Add(x => x.Id, id.Value));

    private async Task<Home> HomeOf(Staff staff, bool withNumbers)
    {
        List<CourtyardId> scope = [.. Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(Directory.PostOf(staff, ActSource.Console)).Select(c => c.Id)];
        await using var db = Db();
        return await db.Homes.Where(h => scope.Contains(h.CourtyardId) && db.Ownerships.Any(o => o.HomeId == h.Id)
                && db.Residents.Any(r => r.HomeId == h.Id && r.Removal == null && (!withNumbers || r.IdNumberCipher != null)))
            .OrderByDescending(h => h.Id).Skip(withNumbers ? 3 : 11).FirstAsync();
    }

    private async Task<HomeId> HomeOutside(Staff staff)
    {
        List<CourtyardId> scope = [.. Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(Directory.PostOf(staff, ActSource.Console)).Select(c => c.Id)];
        await using var db = Db();
        return await db.Homes.Where(h => !scope.Contains(h.CourtyardId)).Select(h => h.Id).FirstAsync();
    }

    private async Task<ResidentId> WaitForResident(string name)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var db = Db();
            if (await db.Residents.Where(r => r.Name == name).Select(r => (ResidentId?)r.Id).FirstOrDefaultAsync() is { } id) return id;
            await Task.Delay(100);
        }
        throw new TimeoutException(name);
    }

    private CommandCenterDbContext Db() => _app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContext();
}

/// <summary>The courtyard page's committee, party group, building heads and facilities, as each post may see them.</summary>
public sealed class CourtyardListsPageTests : AdminTest, IClassFixture<ApiApp>
{
    private readonly ApiApp _app;

    public CourtyardListsPageTests(ApiApp app) : base(app) => _app = app;

    [Fact]
    public async Task TheCourtyardPage_ShowsItsBodiesAndFacilities_AndThePartyGroupOnlyToThoseWhoSeeTags()
    {
        var property = DemoAccounts.StaffOf("property", Directory.Staff)!;
        var courtyard = Services.GetRequiredService<ArchiveQueries>().VisibleCourtyards(Directory.PostOf(property, ActSource.Console)).First();
        var lists = _app.Factory.Services.GetRequiredService<CourtyardLists>();
        var admin = Directory.PostOf(DemoAccounts.StaffOf("admin", Directory.Staff)!, ActSource.Console);
        await lists.RecordBodyAsync(admin, courtyard.Id, CourtyardBody.OwnersCommittee,
            new BodyInput([.. Enumerable.Range(0, 5).Select(i => new MemberInput($"页面委员{i}", i == 0 ? BodyRole.Chair : BodyRole.Member))],
                new DateOnly(2025, 1, 1), new DateOnly(2029, 12, 31)));
        await lists.RecordBodyAsync(admin, courtyard.Id, CourtyardBody.PartyGroup, new BodyInput([new MemberInput("页面书记", BodyRole.Secretary)]));
        await lists.RecordFacilitiesAsync(Directory.PostOf(property, ActSource.Console), courtyard.Id,
            new FacilitiesInput([new FacilityInput(FacilityKind.Lift, 2, "1单元", FacilityState.Faulty)]));

        SignInAs(property);
        var page = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, courtyard.Id.Value));
        page.WaitForAssertion(() => page.Find("[data-body=OwnersCommittee]"), Patience);
        Assert.Equal(5, page.FindAll("[data-body=OwnersCommittee] [data-member]").Count);
        Assert.Contains("2029-12-31", page.Find("[data-body=OwnersCommittee] [data-term]").TextContent);
        Assert.Empty(page.FindAll("[data-body=PartyGroup]"));
        Assert.Single(page.FindAll("[data-body=BuildingHeads]"));
        Assert.Equal("Faulty", page.Find("[data-facility=Lift] [data-state]").GetAttribute("data-state"));

        SignInAs(DemoAccounts.StaffOf("admin", Directory.Staff)!);
        var seenByAdmin = Context.Render<CourtyardArchivePage>(p => p.Add(x => x.Id, courtyard.Id.Value));
        seenByAdmin.WaitForAssertion(() => Assert.Contains("页面书记", seenByAdmin.Find("[data-body=PartyGroup]").TextContent), Patience);
    }
}
