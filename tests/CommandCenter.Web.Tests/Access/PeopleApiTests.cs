using System.Net;
using System.Net.Http.Json;
using static CommandCenter.Web.Tests.Support.TestPeople;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Api;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CommandCenter.Web.Tests.Support.FormSignIn;

namespace CommandCenter.Web.Tests.Access;

/// <summary>
/// People and their sign-ins as the administrator lists and edits them: search, a changed phone or post,
/// and a deactivated person who keeps their place in the records but signs in and acts no more.
/// </summary>
public sealed class PeopleApiTests(StreetApp app) : IClassFixture<StreetApp>
{
    private readonly CommandCenterFactory _factory = app.Factory;
    private readonly HttpClient _admin = app.Factory.ClientAs("admin");

    [Fact]
    public async Task TheLists_FindPeopleAndSignIns_ByNamePhoneOrUserName()
    {
        var lina = await TestPeople.AddAsync(_admin);

        var byPhone = await _admin.GetFromJsonAsync<PersonRow[]>($"/api/admin/staff/?search={lina.PhonePart}", ApiClient.Json);
        var byUser = await _admin.GetFromJsonAsync<PersonRow[]>($"/api/admin/staff/?search={lina.UserName.ToUpperInvariant()}", ApiClient.Json);
        var accounts = await _admin.GetFromJsonAsync<AccountRow[]>($"/api/admin/accounts/?search={Uri.EscapeDataString(lina.Name)}", ApiClient.Json);
        var demo = await _admin.GetFromJsonAsync<AccountRow[]>("/api/admin/accounts/?search=dispatcher", ApiClient.Json);

        Assert.Equal(lina.Id, Assert.Single(byPhone!).Id);
        Assert.Equal([lina.UserName], Assert.Single(byUser!).UserNames);
        Assert.Equal((lina.UserName, AccountState.Active, false), (Assert.Single(accounts!).UserName, accounts![0].State, accounts[0].IsDemo));
        Assert.True(Assert.Single(demo!).IsDemo);
        Assert.Equal(HttpStatusCode.Forbidden, (await _factory.ClientAs("dispatcher").GetAsync("/api/admin/staff/")).StatusCode);
    }

    [Fact]
    public async Task AnEdit_ChangesPhoneAndPost_AtOnce_AndADuplicatePhoneOrUnknownUnit_ChangesNothing()
    {
        var person = await TestPeople.AddAsync(_admin);
        var edit = new StaffEditRequest(person.Name, "13700000001", AccessRole.StreetLeader, null, null, null, true);

        var done = await _admin.PutAsJsonAsync($"/api/admin/staff/{person.Id}", edit);
        var taken = await _admin.PutAsJsonAsync($"/api/admin/staff/{person.Id}", edit with { Phone = DemoPhone() });
        var noUnit = await _admin.PutAsJsonAsync($"/api/admin/staff/{person.Id}", edit with { Role = AccessRole.PropertyStaff, UnitId = new UnitId(9999) });
        var missing = await _admin.PutAsJsonAsync("/api/admin/staff/99999", edit);

        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "DuplicatePhone"), (taken.StatusCode, await CodeOf(taken)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "UnknownReference"), (noUnit.StatusCode, await CodeOf(noUnit)));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var lina = _factory.Services.GetRequiredService<OrganisationDirectory>().StaffMember(person.Id)!;
        Assert.Equal(("13700000001", AccessRole.StreetLeader), (lina.Phone, lina.Role));
        var audit = await _factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { PageSize = AuditQuery.MaxPageSize });
        Assert.Single(audit.Items, e => e.Action == AuditActions.StaffChanged && e.Detail!.EndsWith($"staff {person.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInactivePerson_CannotSignIn_NorActThroughAnOpenSession_AndComesBackWhenActive()
    {
        var lina = await TestPeople.AddAsync(_admin);
        using var open = Browser(_factory);
        await SignInAsync(open, lina.UserName, lina.Password);
        var edit = new StaffEditRequest(lina.Name, lina.Phone, AccessRole.Dispatcher, null, null, null, false);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PutAsJsonAsync($"/api/admin/staff/{lina.Id}", edit)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await open.GetAsync("/api/cases/")).StatusCode);
        Assert.StartsWith("/account/login?error=invalid", await SignInAsync(Browser(_factory), lina.UserName, lina.Password));
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PutAsJsonAsync($"/api/admin/staff/{lina.Id}", edit with { Active = true })).StatusCode);
        Assert.Equal("/", await SignInAsync(Browser(_factory), lina.UserName, lina.Password));
    }

    [Fact]
    public async Task TheAdministrator_DoesNotDeactivateThemselves()
    {
        var directory = _factory.Services.GetRequiredService<OrganisationDirectory>();
        var admin = DemoAccounts.StaffOf("admin", directory.Staff)!;

        var own = await _admin.PutAsJsonAsync($"/api/admin/staff/{admin.Id}",
            new StaffEditRequest(admin.Name, admin.Phone, admin.Role, admin.UnitId, admin.CommunityId, admin.GridId, false));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "OwnAccount"), (own.StatusCode, await CodeOf(own)));
        Assert.True(directory.StaffMember(admin.Id)!.IsActive);
    }

    [Fact]
    public async Task APersonWithTwoPosts_ChoosesThePostTheyActIn_AndAnEndedPostFallsBackToTheFirst()
    {
        var lina = await TestPeople.AddAsync(_admin);
        var grid = _factory.Services.GetRequiredService<OrganisationDirectory>().Grids.First();
        using var browser = Browser(_factory);

        var added = await _admin.PostAsJsonAsync($"/api/admin/staff/{lina.Id}/posts", new PostRequest(AccessRole.GridWorker, null, grid.CommunityId, grid.Id, null));
        var twice = await _admin.PostAsJsonAsync($"/api/admin/staff/{lina.Id}/posts", new PostRequest(AccessRole.GridWorker, null, grid.CommunityId, grid.Id, null));
        Assert.Equal("/", await SignInAsync(browser, lina.UserName, lina.Password));
        var chosen = await ChooseAsync(browser, "2");
        var asGridWorker = await browser.GetAsync("/api/cases/?pageSize=1");
        var ended = await _admin.PostAsync($"/api/admin/staff/{lina.Id}/posts/2/end", null);
        var last = await _admin.PostAsync($"/api/admin/staff/{lina.Id}/posts/1/end", null);
        var unknown = await _admin.PostAsync($"/api/admin/staff/{lina.Id}/posts/7/end", null);

        Assert.Equal((HttpStatusCode.Created, 2), (added.StatusCode, (await added.Content.ReadFromJsonAsync<AddedPost>(ApiClient.Json))!.Number));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "PostHeldTwice"), (twice.StatusCode, await CodeOf(twice)));
        Assert.Equal("/m", chosen);
        Assert.Equal(HttpStatusCode.OK, asGridWorker.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "LastPost"), (last.StatusCode, await CodeOf(last)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "UnknownPost"), (unknown.StatusCode, await CodeOf(unknown)));
        var row = Assert.Single((await _admin.GetFromJsonAsync<PersonRow[]>($"/api/admin/staff/?search={lina.PhonePart}", ApiClient.Json))!);
        Assert.Equal([(1, AccessRole.Dispatcher, false), (2, AccessRole.GridWorker, true)], row.Posts.Select(p => (p.Number, p.Role, p.EndedAtUtc is not null)));
        var audit = await _factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Actor = lina.Name });
        Assert.Contains(audit.Items, e => e.Action == AuditActions.PostChosen && e.ActorRole == AccessRole.GridWorker);
        // The session chose post 2, now ended: it acts in the first post again, with no new sign-in.
        var directory = _factory.Services.GetRequiredService<OrganisationDirectory>();
        Assert.Equal(AccessRole.Dispatcher, directory.PostOf(directory.StaffMember(lina.Id)!, ActSource.Console, 2).Role);
        // A post the person does not hold changes nothing: back to where they were.
        Assert.Equal("/m", await ChooseAsync(browser, "9"));
    }

    [Fact]
    public async Task APersonsStreet_IsTheirCommunitys_OrTheOneChosen_AndAContradictionOrAnotherStreetChangesNothing()
    {
        var (second, courtyard) = await TestStreets.SecondStreetAsync(_factory);
        var directory = _factory.Services.GetRequiredService<OrganisationDirectory>();
        var community = directory.Courtyard(courtyard)!.CommunityId;
        var first = directory.Streets.First(s => s.Id != second).Id;
        using var adminOfSecond = await TestStreets.ClientOfAsync(_factory, second, AccessRole.Administrator);

        var worker = await AddedAsync(_admin, Person("鱼嘴社工", AccessRole.CommunityStaff, community));
        var dispatcher = await AddedAsync(_admin, Person("鱼嘴调度", AccessRole.Dispatcher) with { StreetId = second });
        var liaison = await AddedAsync(_admin, Person("区级调度", AccessRole.Dispatcher));
        var leader = await AddedAsync(adminOfSecond, Person("鱼嘴领导", AccessRole.StreetLeader));
        var contradicts = await _admin.PostAsJsonAsync("/api/admin/staff/", Person("错街社工", AccessRole.CommunityStaff, community) with { StreetId = first });
        var outside = await adminOfSecond.PostAsJsonAsync("/api/admin/staff/", Person("越界调度", AccessRole.Dispatcher) with { StreetId = first });
        var pulled = await adminOfSecond.PutAsJsonAsync($"/api/admin/staff/{liaison}", EditOf(directory.StaffMember(liaison)!));
        var listed = await adminOfSecond.GetFromJsonAsync<PersonRow[]>("/api/admin/staff/", ApiClient.Json);
        StreetId? StreetOf(StaffId id) => directory.StaffMember(id)!.StreetId;
        var placed = (StreetOf(worker), StreetOf(dispatcher), StreetOf(liaison), StreetOf(leader));
        var moved = await _admin.PutAsJsonAsync($"/api/admin/staff/{dispatcher}", EditOf(directory.StaffMember(dispatcher)!) with { StreetId = first });

        Assert.Equal(((StreetId?)second, (StreetId?)second, (StreetId?)null, (StreetId?)second), placed);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "StreetContradictsPost"), (contradicts.StatusCode, await CodeOf(contradicts)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "StreetOutsideScope"), (outside.StatusCode, await CodeOf(outside)));
        Assert.Equal(HttpStatusCode.NotFound, pulled.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.Equal(first, StreetOf(dispatcher));
        // A street's administrator lists their street's people only.
        Assert.All(listed!, p => Assert.Equal(second, p.StreetId));
        Assert.Contains(listed!, p => p.Id == worker);
        Assert.DoesNotContain(listed!, p => p.Id == liaison);
        Assert.DoesNotContain(directory.Staff, s => s.Name is "错街社工" or "越界调度");
        var audit = await _factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { PageSize = AuditQuery.MaxPageSize });
        Assert.Single(audit.Items, e => e.Action == AuditActions.StaffAdded && e.Detail == $"鱼嘴领导 (StreetLeader, street {TestStreets.SecondCode}), staff {leader}");
    }

    private static int _phones;

    /// <summary>A person with a phone no other test's person has; a community's post when <paramref name="community"/> is given.</summary>
    private static StaffRequest Person(string name, AccessRole role, CommunityId? community = null) =>
        new(name, $"1368{Interlocked.Increment(ref _phones):D7}", role, null, community, null, null, null);

    private static StaffEditRequest EditOf(Staff staff) =>
        new(staff.Name, staff.Phone, staff.Role, staff.UnitId, staff.CommunityId, staff.GridId, staff.IsActive);

    private static async Task<StaffId> AddedAsync(HttpClient admin, StaffRequest request)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/staff/", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AddedStaff>(ApiClient.Json))!.Id;
    }

    /// <summary>The app bar's post switcher as a browser posts it; the answer is where it redirects.</summary>
    private static async Task<string> ChooseAsync(HttpClient browser, string post)
    {
        var token = await TokenAsync(browser, "/");
        var response = await browser.PostAsync("/account/post", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["post"] = post, ["returnUrl"] = "/m", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private string DemoPhone() => DemoAccounts.StaffOf("leader", _factory.Services.GetRequiredService<OrganisationDirectory>().Staff)!.Phone;
}
