using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Web.Hubs;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Streets;

/// <summary>
/// A second street added through the administrator's API, with a courtyard drawn by its outline: its cases carry its own
/// numbers, never reach the first street's hub group, and are not found by a post of the first street (docs/decisions/0017).
/// </summary>
public sealed class SecondStreetTests(ApiApp app) : IClassFixture<ApiApp>
{
    private readonly HttpClient _admin = app.Factory.ClientAs("admin");
    private OrganisationDirectory Directory => app.Factory.Services.GetRequiredService<OrganisationDirectory>();

    [Fact]
    public async Task ASecondStreet_NumbersItsOwnCases_WhichNeverReachTheFirstStreetsGroupOrPost()
    {
        var streetA = Directory.Streets.Single(s => s.Code == "CT");
        var courtyardB = await SecondStreetCourtyardAsync();
        var received = new ConcurrentQueue<JsonElement>();
        await using var wallOfA = LiveHubClient.Connect(app.Factory, TestAccess.StaffToken(app.Factory.Services, "admin"));
        wallOfA.On<JsonElement>(LiveHub.CaseChanged, e => received.Enqueue(e));
        await wallOfA.StartAsync();
        await wallOfA.InvokeAsync("JoinStreet", streetA.Id.Value);

        var inB = await ReportAsync(courtyardB);
        var inA = await ReportAsync(Directory.Courtyards.First().Id.Value);

        Assert.StartsWith("YL-", inB.Number, StringComparison.Ordinal);
        Assert.EndsWith("-0001", inB.Number, StringComparison.Ordinal);
        Assert.StartsWith("CT-", inA.Number, StringComparison.Ordinal);
        for (var i = 0; i < 100 && !received.Any(e => e.GetProperty("caseId").GetGuid() == inA.Id); i++) await Task.Delay(50);
        Assert.Contains(received, e => e.GetProperty("caseId").GetGuid() == inA.Id);
        Assert.DoesNotContain(received, e => e.GetProperty("caseId").GetGuid() == inB.Id);

        var postOfA = await StreetDispatcherAsync(streetA.Id);
        using var dispatcherOfA = app.Factory.CreateClient().WithToken(TestAccess.StaffToken(app.Factory.Services, postOfA));
        Assert.Equal(HttpStatusCode.NotFound, (await dispatcherOfA.GetAsync($"/api/cases/{inB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dispatcherOfA.GetAsync($"/api/cases/{inA.Id}")).StatusCode);
        await using var hubOfA = LiveHubClient.Connect(app.Factory, TestAccess.StaffToken(app.Factory.Services, postOfA));
        await hubOfA.StartAsync();
        await hubOfA.InvokeAsync("JoinStreet", streetA.Id.Value);
        var streetB = Directory.StreetOf(Directory.Courtyard(new CourtyardId(courtyardB))!)!;
        await Assert.ThrowsAsync<HubException>(() => hubOfA.InvokeAsync("JoinStreet", streetB.Id.Value));
    }

    [Fact]
    public async Task ACourtyardsOutline_RoundTripsThroughTheApi_AndABadOneIsRefusedNamingIt()
    {
        var courtyard = Directory.Courtyards.First();
        double[][] ring = [[courtyard.Longitude - 0.0005, courtyard.Latitude - 0.0004], [courtyard.Longitude + 0.0005, courtyard.Latitude - 0.0004],
            [courtyard.Longitude + 0.0005, courtyard.Latitude + 0.0004], [courtyard.Longitude - 0.0005, courtyard.Latitude - 0.0004]];
        object Body(double[][] outline) => new
        {
            name = courtyard.Name, gridId = courtyard.GridId.Value, kind = courtyard.Kind.ToString(), homes = courtyard.Homes,
            latitude = courtyard.Latitude, longitude = courtyard.Longitude, outline,
        };

        var saved = await _admin.PutAsJsonAsync($"/api/admin/places/courtyards/{courtyard.Id}", Body(ring));
        saved.EnsureSuccessStatusCode();
        var outline = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outline");
        Assert.Equal(ring[..3], outline.EnumerateArray().Select(p => p.EnumerateArray().Select(n => n.GetDouble()).ToArray()));

        var refused = await _admin.PutAsJsonAsync($"/api/admin/places/courtyards/{courtyard.Id}", Body([.. ring.Take(2)]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("OutlinePointCount", await TestPeople.CodeOf(refused));
        Assert.Equal(3, Directory.Courtyard(courtyard.Id)!.Outline!.Count);
    }

    /// <summary>Street 鱼嘴 (YL) with a community, a grid and an outlined courtyard, all through the API; the courtyard's id.</summary>
    private async Task<int> SecondStreetCourtyardAsync()
    {
        var street = await IdOf(await _admin.PostAsJsonAsync("/api/admin/places/streets", new { name = "鱼嘴街道", streetCode = "YL" }));
        var community = await IdOf(await _admin.PostAsJsonAsync("/api/admin/places/communities", new { name = "鱼嘴社区", streetId = street }));
        var grid = await IdOf(await _admin.PostAsJsonAsync("/api/admin/places/grids", new { name = "第一网格", communityId = community }));
        return await IdOf(await _admin.PostAsJsonAsync("/api/admin/places/courtyards", new
        {
            name = "鱼嘴小区", gridId = grid, kind = "Commercial", homes = 200, latitude = 29.7, longitude = 106.8,
            outline = new[] { new[] { 106.7995, 29.6996 }, [106.8005, 29.6996], [106.8005, 29.7004], [106.7995, 29.7004], [106.7995, 29.6996] },
        }));
    }

    /// <summary>A dispatcher of one street only: written as the roster would, then every server's directory reloaded.</summary>
    private async Task<StaffId> StreetDispatcherAsync(StreetId street)
    {
        var contexts = app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var id = new StaffId((await db.Staff.MaxAsync(s => s.Id)).Value + 1);
        db.Staff.Add(Staff.New(id, "街道调度员", "13900001111", AccessRole.Dispatcher, null, null, null, streetId: street));
        await db.SaveChangesAsync();
        await app.Factory.Services.GetRequiredService<DirectoryChanges>().AfterCommitAsync(db, CancellationToken.None);
        return id;
    }

    private async Task<Infrastructure.Cases.CaseDetail> ReportAsync(int courtyardId) =>
        await app.Api.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId, description = "垃圾未清运" });

    private static async Task<int> IdOf(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}
