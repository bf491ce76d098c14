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
        var streetB = Directory.StreetOf(Directory.Courtyard(new CourtyardId(courtyardB))!)!;
        var received = new ConcurrentQueue<JsonElement>();
        await using var wallOfA = LiveHubClient.Connect(app.Factory, TestAccess.StaffToken(app.Factory.Services, "admin"));
        wallOfA.On<JsonElement>(LiveHub.CaseChanged, e => received.Enqueue(e));
        await wallOfA.StartAsync();
        await wallOfA.InvokeAsync("JoinStreet", streetA.Id.Value);

        var inB = await ReportAsync(courtyardB);
        var inA = await ReportAsync(Directory.Courtyards.First().Id.Value);

        Assert.StartsWith("YL-", inB.Number, StringComparison.Ordinal);
        Assert.EndsWith($"-{await CasesInAsync(streetB.Id):D4}", inB.Number, StringComparison.Ordinal);
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
        await Assert.ThrowsAsync<HubException>(() => hubOfA.InvokeAsync("JoinStreet", streetB.Id.Value));
    }

    [Fact]
    public async Task AStreetsDisplayToken_OpensOnlyItsStreetsCasesAndHubGroups()
    {
        var streetA = Directory.Streets.Single(s => s.Code == "CT");
        var courtyardB = await SecondStreetCourtyardAsync();
        var streetB = Directory.StreetOf(Directory.Courtyard(new CourtyardId(courtyardB))!)!;
        var inA = await ReportAsync(Directory.Courtyards.First().Id.Value);
        var inB = await ReportAsync(courtyardB);
        var secret = await SecretOf(await _admin.PostAsJsonAsync("/api/admin/tokens/display", new { name = "鱼嘴大屏", streetId = streetB.Id.Value }));

        using var display = app.Factory.CreateClient().WithToken(secret);
        Assert.Equal(HttpStatusCode.NotFound, (await display.GetAsync($"/api/cases/{inA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await display.GetAsync($"/api/cases/{inB.Id}")).StatusCode);
        await using var hub = LiveHubClient.Connect(app.Factory, secret);
        await hub.StartAsync();
        await hub.InvokeAsync("JoinStreet", streetB.Id.Value);
        await hub.InvokeAsync("JoinCommunity", Directory.Communities.Single(c => c.StreetId == streetB.Id).Id.Value);
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("JoinStreet", streetA.Id.Value));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("JoinCommunity", Directory.Communities.First(c => c.StreetId == streetA.Id).Id.Value));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("JoinUnit", Directory.Units.First().Id.Value));
    }

    [Fact]
    public async Task AStreetsAdministrator_MakesListsAndRevokesOnlyTheirStreetsTokens()
    {
        var streetA = Directory.Streets.Single(s => s.Code == "CT");
        var courtyardB = await SecondStreetCourtyardAsync();
        var streetB = Directory.StreetOf(Directory.Courtyard(new CourtyardId(courtyardB))!)!;
        var ofA = await _admin.PostAsJsonAsync("/api/admin/tokens/display", new { name = "城头大屏", streetId = streetA.Id.Value });
        var tokenOfA = (await ofA.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetProperty("id").GetInt32();
        var noStreet = await _admin.PostAsJsonAsync("/api/admin/tokens/display", new { name = "哪条街" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noStreet.StatusCode);
        Assert.Equal("TokenStreet", await TestPeople.CodeOf(noStreet));

        using var adminOfB = app.Factory.CreateClient().WithToken(TestAccess.StaffToken(app.Factory.Services, await TestStreets.StaffAsync(app.Factory, streetB.Id, AccessRole.Administrator)));
        var own = await adminOfB.PostAsJsonAsync("/api/admin/tokens/display", new { name = "鱼嘴会议室" });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(streetB.Id.Value, (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetProperty("streetId").GetInt32());
        var intoA = await adminOfB.PostAsJsonAsync("/api/admin/tokens/display", new { name = "越界", streetId = streetA.Id.Value });
        Assert.Equal("UnknownReference", await TestPeople.CodeOf(intoA));
        var communityOfA = await adminOfB.PostAsJsonAsync("/api/admin/tokens/display",
            new { name = "越界", communityId = Directory.Communities.First(c => c.StreetId == streetA.Id).Id.Value });
        Assert.Equal("UnknownReference", await TestPeople.CodeOf(communityOfA));
        var staffOfA = await adminOfB.PostAsJsonAsync("/api/admin/tokens/staff", new { name = "越界", staffId = Directory.Staff.First(s => s.StreetId is null).Id.Value });
        Assert.Equal("UnknownReference", await TestPeople.CodeOf(staffOfA));

        var listed = await adminOfB.GetFromJsonAsync<JsonElement>("/api/admin/tokens");
        Assert.All(listed.EnumerateArray(), t => Assert.Equal(streetB.Id.Value, t.GetProperty("streetId").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await adminOfB.PostAsync($"/api/admin/tokens/{tokenOfA}/revoke", null)).StatusCode);
        var tokens = app.Factory.Services.GetRequiredService<Infrastructure.Access.AccessTokenService>();
        Assert.Contains(await tokens.ListAsync(Post.System(ActSource.Console)), t => t.Id == tokenOfA && t.IsActive);
    }

    [Fact]
    public async Task TheDefaultSatisfiedSetting_IsEachStreetsOwn()
    {
        var (streetB, _) = await TestStreets.SecondStreetAsync(app.Factory);
        using var adminOfB = await TestStreets.ClientOfAsync(app.Factory, streetB, AccessRole.Administrator);

        (await adminOfB.PutAsJsonAsync("/api/assessment/settings", new { defaultSatisfiedCounts = true })).EnsureSuccessStatusCode();

        Assert.True((await adminOfB.GetFromJsonAsync<JsonElement>("/api/assessment/settings")).GetProperty("defaultSatisfiedCounts").GetBoolean());
        Assert.False((await _admin.GetFromJsonAsync<JsonElement>("/api/assessment/settings")).GetProperty("defaultSatisfiedCounts").GetBoolean());
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Streets.Where(s => s.Id != streetB).Select(s => s.DefaultSatisfiedCounts).SingleAsync());
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

    private async Task<int> SecondStreetCourtyardAsync() => (await TestStreets.SecondStreetAsync(app.Factory)).Courtyard.Value;

    private Task<StaffId> StreetDispatcherAsync(StreetId street) => TestStreets.StaffAsync(app.Factory, street, AccessRole.Dispatcher);

    /// <summary>How many cases a street has: the other tests of this class may have reported some there first.</summary>
    private async Task<int> CasesInAsync(StreetId street)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        return await db.Cases.CountAsync(c => c.StreetId == street);
    }

    private async Task<Infrastructure.Cases.CaseDetail> ReportAsync(int courtyardId) =>
        await app.Api.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId, description = "垃圾未清运" });

    private static async Task<string> SecretOf(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }
}
