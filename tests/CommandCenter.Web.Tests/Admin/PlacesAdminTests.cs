using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Pages.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>
/// Communities, grids and buildings added and renamed through the API and the places page: in the directory at
/// once, audited; every invalid field answered 422 naming it, a name taken under the same place 409, and nothing changed.
/// A courtyard's outline drawn by clicks on the form's map, worked out by hand through the projection.
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

    /// <summary>
    /// Clicks on the outline editor, a courtyard at 120°E 60°N in its first view (0.01° of latitude over 400 px): 40,000 px
    /// a degree north, 20,000 east (a degree of longitude is half as long at 60°), the map point at (320, 200).
    /// </summary>
    [Fact]
    public async Task TheOutlineEditor_DrawsClickedPointsIntoTheField_UndoesOne_AndSavesTheOutlineClicked()
    {
        var courtyard = await CourtyardAt60Async(outline: null);
        var page = RenderPage<Places>();
        Open(page, courtyard);

        ClickMap(page, 360, 160);
        ClickMap(page, 280, 160);
        ClickMap(page, 400, 320);
        Settled(page, () => Assert.Equal("120.002,60.001; 119.998,60.001; 120.004,59.997", OutlineField(page)));
        Settled(page, () => Assert.Equal("360,160 280,160 400,320", page.Find("polygon[data-drawn-outline]").GetAttribute("points")));

        page.Find("[data-action='undo-point']").Click();
        Settled(page, () => Assert.Equal("120.002,60.001; 119.998,60.001", OutlineField(page)));
        Settled(page, () => Assert.Equal("360,160 280,160", page.Find("polyline[data-drawn-outline]").GetAttribute("points")));
        // Two points are not an outline yet: the domain's sentence, under the field, as it is drawn.
        Settled(page, () => Assert.Equal("院落轮廓需有 3 至 200 个点。", page.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim()));

        ClickMap(page, 320, 280);
        Settled(page, () => Assert.Equal("120.002,60.001; 119.998,60.001; 120,59.998", OutlineField(page)));
        Settled(page, () => Assert.Empty(page.FindAll(".mud-input-helper-text.mud-input-error")));
        page.Find("[data-action='save-courtyard']").Click();

        page.WaitForAssertion(() => Assert.Equal(
            [new MapPoint(120.002, 60.001), new MapPoint(119.998, 60.001), new MapPoint(120, 59.998)], Directory.Courtyard(courtyard)!.Outline!), Patience);
    }

    [Fact]
    public async Task TheOutlineEditor_Clears_AndAPointClickedOutOfReachIsRefusedUnderTheField_ChangingNothing()
    {
        IReadOnlyList<double[]> triangle = [[120.002, 60.001], [119.998, 60.001], [120, 59.998]];
        var courtyard = await CourtyardAt60Async(triangle);
        var page = RenderPage<Places>();
        Open(page, courtyard);
        Settled(page, () => Assert.Equal("120.002,60.001; 119.998,60.001; 120,59.998", OutlineField(page)));
        // It opens as near as keeps the triangle (0.004° wide, 0.003° high) in the map's middle half: 0.005° would not.
        Settled(page, () => Assert.Equal("0.01", page.Find("svg[data-span]").GetAttribute("data-span")));

        page.Find("[data-action='clear-outline']").Click();
        Settled(page, () => Assert.Equal("", OutlineField(page)));
        Settled(page, () => Assert.Empty(page.FindAll("[data-drawn-outline]")));

        // Out to 0.1° over 400 px: 4,000 px a degree north, 2,000 east; the map's left edge is 0.16° west of the point.
        foreach (var _ in Enumerable.Range(0, 3)) page.Find("[data-action='zoom-out']").Click();
        Settled(page, () => Assert.Equal("0.1", page.Find("svg[data-span]").GetAttribute("data-span")));
        ClickMap(page, 0, 200);
        Settled(page, () => Assert.Equal("119.84,60", OutlineField(page)));
        Settled(page, () => Assert.Equal("轮廓的每个点须在院落坐标 0.05° 之内。", page.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim()));

        page.Find("[data-action='save-courtyard']").Click();
        page.WaitForAssertion(() => Assert.Equal("error", page.Find("[data-message]").GetAttribute("data-message")), Patience);
        Assert.Equal(triangle.Select(p => new MapPoint(p[0], p[1])), Directory.Courtyard(courtyard)!.Outline!);
    }

    [Fact]
    public async Task TheOutlineEditor_MovesTheMapPointByOneClick_ThenDrawsAgain()
    {
        var courtyard = await CourtyardAt60Async(outline: null);
        var page = RenderPage<Places>();
        Open(page, courtyard);

        page.Find(Input("data-field='placing'")).Change(true);
        ClickMap(page, 400, 200);
        Settled(page, () => Assert.Equal("outline", page.Find("svg[data-placing]").GetAttribute("data-placing")));
        Settled(page, () => Assert.Equal("", OutlineField(page)));
        Settled(page, () => Assert.Equal(("400", "200"), (page.Find("[data-map-point]").GetAttribute("cx"), page.Find("[data-map-point]").GetAttribute("cy"))));
        page.Find("[data-action='save-courtyard']").Click();

        page.WaitForAssertion(() => Assert.Equal((60d, 120.004), (Directory.Courtyard(courtyard)!.Latitude, Directory.Courtyard(courtyard)!.Longitude)), Patience);
    }

    [Fact]
    public async Task TheOutlineEditor_RedrawsPastedGeoJson_AndAClickGoesBeforeItsClosingPoint()
    {
        var courtyard = await CourtyardAt60Async(outline: null);
        var page = RenderPage<Places>();
        Open(page, courtyard);

        page.Find("textarea[data-field='outline'], [data-field='outline'] textarea")
            .Change("[[[120.001, 60.001], [119.999, 60.001], [120, 59.999], [120.001, 60.001]]]");
        Settled(page, () => Assert.Equal("120.001,60.001; 119.999,60.001; 120,59.999; 120.001,60.001", OutlineField(page)));
        Settled(page, () => Assert.Equal("340,160 300,160 320,240 340,160", page.Find("polygon[data-drawn-outline]").GetAttribute("points")));

        ClickMap(page, 320, 120);
        Settled(page, () => Assert.Equal("120.001,60.001; 119.999,60.001; 120,59.999; 120,60.002; 120.001,60.001", OutlineField(page)));
        page.Find("[data-action='save-courtyard']").Click();

        page.WaitForAssertion(() => Assert.Equal(
            [new MapPoint(120.001, 60.001), new MapPoint(119.999, 60.001), new MapPoint(120, 59.999), new MapPoint(120, 60.002)],
            Directory.Courtyard(courtyard)!.Outline!), Patience);
    }

    /// <summary>A courtyard of its own far from the demo street, where a degree of longitude is exactly half a degree of latitude.</summary>
    private async Task<CourtyardId> CourtyardAt60Async(IReadOnlyList<double[]>? outline)
    {
        var places = Services.GetRequiredService<PlaceAdministration>();
        var saved = await places.SaveCourtyardAsync(null,
            new CourtyardInput(Unique("院落"), Directory.Grids.First().Id, CourtyardKind.Old, 100, 60, 120, outline), System);
        return saved.Id;
    }

    private static void Open(IRenderedComponent<Places> page, CourtyardId courtyard)
    {
        page.FindAll("tr").Single(row => row.QuerySelector($"td[data-courtyard='{courtyard}']") is not null).Click();
        page.WaitForElement("svg.cc-outline-map");
    }

    /// <summary>An event's render can land after the event call returns on a busy machine: what it shows is waited for.</summary>
    private static void Settled(IRenderedComponent<Places> page, Action assertion) => page.WaitForAssertion(assertion, Patience);

    /// <summary>A click on the map, and the page's render of it: the next click reads the outline this one drew.</summary>
    private static void ClickMap(IRenderedComponent<Places> page, double x, double y)
    {
        var renders = page.RenderCount;
        page.Find("svg.cc-outline-map").Click(new MouseEventArgs { OffsetX = x, OffsetY = y });
        page.WaitForState(() => page.RenderCount > renders, Patience);
    }

    private static string? OutlineField(IRenderedComponent<Places> page) =>
        page.Find("textarea[data-field='outline'], [data-field='outline'] textarea").GetAttribute("value") ?? "";

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
