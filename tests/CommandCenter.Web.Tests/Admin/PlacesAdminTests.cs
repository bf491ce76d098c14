using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Web.Components.Pages.Admin;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>
/// Communities, grids and buildings added and renamed through the API and the places page: in the directory at
/// once, audited; every invalid field answered 422 naming it, a name taken under the same place 409, and nothing changed.
/// </summary>
public sealed class PlacesAdminTests(ApiApp app) : AdminTest(app), IClassFixture<ApiApp>
{
    private readonly HttpClient _admin = app.Factory.ClientAs("admin");

    [Fact]
    public async Task TheApi_AddsAndRenamesACommunityItsGridAndABuilding_InTheDirectoryAtOnce()
    {
        var courtyard = Directory.Courtyards.First();
        var community = await IdOf(await _admin.PostAsJsonAsync("/api/admin/places/communities", new { name = Unique("社区") }));
        var renamed = Unique("社区");
        (await _admin.PutAsJsonAsync($"/api/admin/places/communities/{community}", new { name = renamed })).EnsureSuccessStatusCode();
        var grid = await IdOf(await _admin.PostAsJsonAsync("/api/admin/places/grids", new { name = "第一网格", communityId = community }));
        var building = await IdOf(await _admin.PostAsJsonAsync("/api/admin/places/buildings", new { name = Unique("楼"), courtyardId = courtyard.Id.Value }));
        (await _admin.PutAsJsonAsync($"/api/admin/places/buildings/{building}", new { name = "99号楼", courtyardId = courtyard.Id.Value })).EnsureSuccessStatusCode();

        Assert.Equal(renamed, Directory.Community(new(community))!.Name);
        Assert.Equal(("第一网格", community), (Directory.Grid(new(grid))!.Name, Directory.Grid(new(grid))!.CommunityId.Value));
        Assert.Equal("99号楼", Directory.Building(new(building))!.Name);
        var audit = await Log.QueryAsync(new AuditQuery { PageSize = AuditQuery.MaxPageSize });
        Assert.Contains(audit.Items, e => e.Action == AuditActions.PlaceSaved && e.Detail!.Contains(renamed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheApi_Answers422NamingEachInvalidField_And409ForANameTaken_AndChangesNothing()
    {
        var courtyard = Directory.Courtyards.First();
        var community = await IdOf(await _admin.PostAsJsonAsync("/api/admin/places/communities", new { name = Unique("社区") }));
        await IdOf(await _admin.PostAsJsonAsync("/api/admin/places/grids", new { name = "一网格", communityId = community }));
        var taken = Directory.BuildingsOf(courtyard.Id).First().Name;
        var before = (Directory.Communities.Count, Directory.Grids.Count, Directory.BuildingsOf(courtyard.Id).Count());

        Assert.Equal((422, "Required", "name"), await RefusalOf(_admin.PostAsJsonAsync("/api/admin/places/communities", new { name = " " })));
        Assert.Equal((422, "TooLong", "name"), await RefusalOf(_admin.PostAsJsonAsync("/api/admin/places/communities", new { name = new string('社', 65) })));
        Assert.Equal((409, "DuplicatePlaceName", "name"), await RefusalOf(_admin.PostAsJsonAsync("/api/admin/places/communities", new { name = Directory.Community(new(community))!.Name })));
        Assert.Equal((422, "Required", "communityId"), await RefusalOf(_admin.PostAsJsonAsync("/api/admin/places/grids", new { name = "二网格" })));
        Assert.Equal((422, "UnknownReference", "communityId"), await RefusalOf(_admin.PostAsJsonAsync("/api/admin/places/grids", new { name = "二网格", communityId = 999_999 })));
        Assert.Equal((409, "DuplicatePlaceName", "name"), await RefusalOf(_admin.PostAsJsonAsync("/api/admin/places/grids", new { name = "一网格", communityId = community })));
        Assert.Equal((422, "Required", "courtyardId"), await RefusalOf(_admin.PostAsJsonAsync("/api/admin/places/buildings", new { name = "1号楼" })));
        Assert.Equal((422, "TooLong", "name"), await RefusalOf(_admin.PostAsJsonAsync("/api/admin/places/buildings", new { name = new string('楼', 33), courtyardId = courtyard.Id.Value })));
        Assert.Equal((409, "DuplicatePlaceName", "name"), await RefusalOf(_admin.PostAsJsonAsync("/api/admin/places/buildings", new { name = taken, courtyardId = courtyard.Id.Value })));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.PutAsJsonAsync("/api/admin/places/communities/999999", new { name = Unique("社区") })).StatusCode);

        Assert.Equal(before, (Directory.Communities.Count, Directory.Grids.Count, Directory.BuildingsOf(courtyard.Id).Count()));
    }

    [Fact]
    public void ThePlacesPage_AddsACommunity_AGridInIt_AndABuilding_ThenRenamesTheCommunity()
    {
        var (name, gridName, buildingName, renamed) = (Unique("社区"), Unique("网格"), Unique("楼"), Unique("社区"));
        var courtyard = Directory.Courtyards.First();
        var page = RenderPage<Places>();

        page.Find(Input("data-field='community-name'")).Change(name);
        page.Find("[data-action='save-community']").Click();
        page.WaitForAssertion(() => Assert.Contains(Directory.Communities, c => c.Name == name), Patience);
        var community = Directory.Communities.Single(c => c.Name == name);

        Choose(page, "grid-community", community.Id.Value);
        page.Find(Input("data-field='grid-name'")).Change(gridName);
        page.Find("[data-action='save-grid']").Click();
        page.WaitForAssertion(() => Assert.Contains(Directory.Grids, g => g.Name == gridName && g.CommunityId == community.Id), Patience);

        Choose(page, "building-courtyard", courtyard.Id.Value);
        page.Find(Input("data-field='building-name'")).Change(buildingName);
        page.Find("[data-action='save-building']").Click();
        page.WaitForAssertion(() => Assert.Contains(Directory.BuildingsOf(courtyard.Id), b => b.Name == buildingName), Patience);

        Choose(page, "community-pick", community.Id.Value);
        Assert.Equal(name, page.Find(Input("data-field='community-name'")).GetAttribute("value"));
        page.Find(Input("data-field='community-name'")).Change(renamed);
        page.Find("[data-action='save-community']").Click();
        page.WaitForAssertion(() => Assert.Equal(renamed, Directory.Community(community.Id)!.Name), Patience);
    }

    [Fact]
    public void ThePlacesPage_SaysWhyANameTakenIsRefused()
    {
        var taken = Directory.Communities.First().Name;
        var page = RenderPage<Places>();

        page.Find(Input("data-field='community-name'")).Change(taken);
        page.Find("[data-action='save-community']").Click();

        page.WaitForAssertion(() => Assert.Equal("error", page.Find("[data-message]").GetAttribute("data-message")), Patience);
        Assert.Contains("同名", page.Find("[data-message]").TextContent);
        Assert.Single(Directory.Communities, c => c.Name == taken);
    }

    private static void Choose(IRenderedComponent<Places> page, string field, int value)
    {
        var select = page.FindComponents<MudBlazor.MudSelect<int>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-field"), field));
        select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value)).GetAwaiter().GetResult();
    }

    private static async Task<int> IdOf(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<(int, string?, string?)> RefusalOf(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, problem.GetProperty("code").GetString(), problem.TryGetProperty("field", out var field) ? field.GetString() : null);
    }
}
