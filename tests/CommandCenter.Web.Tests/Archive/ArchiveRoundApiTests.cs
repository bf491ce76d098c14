using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>
/// The quarterly round: a grid worker sees their own grid's courtyards and homes only (another grid's are 404, and a
/// confirmation there changes nothing); a confirmation stamps the home and its residents and counts once in the
/// community's share for the quarter.
/// </summary>
public sealed partial class ArchiveApiTests
{
    [Fact]
    public async Task TheRound_ShowsOnlyTheGridWorkersGrid_AndAnotherGridIs404()
    {
        var post = app.PostOf("grid");
        var own = app.Archive.VisibleCourtyards(post).ToList();
        var grid = Assert.Single(own.Select(c => c.GridId).Distinct());
        var otherGrid = app.Directory.Courtyards.First(c => c.GridId != grid && c.CommunityId == own[0].CommunityId);
        var client = app.Factory.ClientAs("grid");

        var round = await client.GetFromJsonAsync<JsonElement>("/api/archive/round");
        Assert.Equal(own.Select(c => c.Id.Value).Order(),
            round.GetProperty("courtyards").EnumerateArray().Select(c => c.GetProperty("courtyardId").GetInt32()).Order());
        var building = round.GetProperty("courtyards")[0].GetProperty("buildings")[0].GetProperty("buildingId").GetInt32();
        var homes = await client.GetFromJsonAsync<JsonElement>($"/api/archive/round/courtyards/{own[0].Id.Value}/homes?buildingId={building}");
        Assert.NotEmpty(homes.GetProperty("homes").EnumerateArray());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/archive/round/courtyards/{otherGrid.Id.Value}/homes")).StatusCode);
        await using var db = app.Context();
        var elsewhere = await db.Homes.Where(h => h.CourtyardId == otherGrid.Id).Select(h => h.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/archive/homes/{elsewhere.Value}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/archive/homes/{elsewhere.Value}")).StatusCode);
        await using var after = app.Context();
        Assert.Null(await after.Homes.Where(h => h.Id == elsewhere).Select(h => h.VisitedAtUtc).SingleAsync());
    }

    [Fact]
    public async Task AConfirmation_StampsTheHomeAndItsResidents_AndCountsOnceInTheCommunitysShare()
    {
        var home = await HomeIn("grid", skip: 7);
        await using var db = app.Context();
        var courtyard = await db.Homes.Where(h => h.Id == home).Select(h => h.CourtyardId).SingleAsync();
        var community = app.Factory.ClientAs("community");
        var before = await VisitedIn(community, courtyard);
        var startedAt = DateTime.UtcNow.AddSeconds(-1);
        var grid = app.Factory.ClientAs("grid");

        Assert.Equal(HttpStatusCode.NoContent, (await grid.PostAsync($"/api/archive/homes/{home.Value}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await grid.PostAsync($"/api/archive/homes/{home.Value}/confirm", null)).StatusCode);

        await using var after = app.Context();
        var stamped = await after.Homes.SingleAsync(h => h.Id == home);
        Assert.Equal(ArchiveSource.GridRound, stamped.Source);
        Assert.True(stamped.VisitedAtUtc >= startedAt && stamped.ConfirmedAtUtc == stamped.VisitedAtUtc);
        Assert.All(await after.Residents.Where(r => r.HomeId == home && r.Removal == null).ToListAsync(),
            r => Assert.Equal((ArchiveSource.GridRound, stamped.VisitedAtUtc), (r.Source, (DateTime?)r.ConfirmedAtUtc)));
        Assert.Equal(2, await after.AuditEntries.CountAsync(e => e.Action == AuditActions.HomeVisited && e.Detail!.StartsWith($"home {home}:")));
        Assert.Equal(before + 1, await VisitedIn(community, courtyard));
        var round = await community.GetFromJsonAsync<JsonElement>("/api/archive/round");
        var row = round.GetProperty("courtyards").EnumerateArray().Single(c => c.GetProperty("courtyardId").GetInt32() == courtyard.Value);
        Assert.Equal(before + 1, row.GetProperty("visited").GetInt32());
    }

    [Fact]
    public async Task PropertyStaff_CannotConfirmOnTheRound()
    {
        var home = await HomeIn("property");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Factory.ClientAs("property").PostAsync($"/api/archive/homes/{home.Value}/confirm", null)).StatusCode);
    }

    private static async Task<int> VisitedIn(HttpClient client, CourtyardId courtyard) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/archive/courtyards/{courtyard.Value}")).GetProperty("visitedThisQuarter").GetInt32();
}
