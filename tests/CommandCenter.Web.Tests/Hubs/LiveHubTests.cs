using System.Collections.Concurrent;
using System.Text.Json;
using CommandCenter.Web.Hubs;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Web.Tests.Hubs;

/// <summary>A real .NET SignalR client on the public hub.</summary>
public sealed class LiveHubTests(ApiApp app) : IClassFixture<ApiApp>
{
    private readonly string _token = TestAccess.StaffToken(app.Factory.Services, "dispatcher");

    [Fact]
    public async Task CommunityGroup_ReceivesItsCasesEvents_AndNotOtherCommunities()
    {
        var courtyards = await app.Api.GetAsync<JsonElement[]>("/api/reference/courtyards");
        var mine = courtyards.First();
        var other = courtyards.First(c => c.GetProperty("communityId").GetInt32() != mine.GetProperty("communityId").GetInt32());
        var received = new ConcurrentQueue<JsonElement>();
        await using var connection = Connect();
        connection.On<JsonElement>(LiveHub.CaseChanged, e => received.Enqueue(e));
        await connection.StartAsync();
        await connection.InvokeAsync("JoinCommunity", mine.GetProperty("communityId").GetInt32());

        var theirs = await ReportAsync(other.GetProperty("id").GetInt32());
        var ours = await ReportAsync(mine.GetProperty("id").GetInt32());
        await app.Api.CommandAsync(ours, "accept");

        for (var i = 0; i < 100 && received.Count(e => e.GetProperty("caseId").GetGuid() == ours) < 2; i++) await Task.Delay(50);
        Assert.Equal(["Reported", "Accepted"], received.Where(e => e.GetProperty("caseId").GetGuid() == ours).Select(e => e.GetProperty("type").GetString()));
        Assert.DoesNotContain(received, e => e.GetProperty("caseId").GetGuid() == theirs);
        Assert.All(received, e => Assert.False(e.TryGetProperty("reporterPhone", out _)));
    }

    [Fact]
    public async Task CaseGroup_FollowsOneCase_AndUnknownIdsAreRefusedInWords()
    {
        var id = await ReportAsync(1);
        var received = new ConcurrentQueue<JsonElement>();
        await using var connection = Connect();
        connection.On<JsonElement>(LiveHub.CaseChanged, e => received.Enqueue(e));
        await connection.StartAsync();
        await connection.InvokeAsync("JoinCase", id);

        await app.Api.CommandAsync(id, "supervise", new { note = "请尽快处理" });
        await ReportAsync(1);

        for (var i = 0; i < 100 && received.IsEmpty; i++) await Task.Delay(50);
        await Task.Delay(300);
        Assert.Equal(["Supervised"], received.Select(e => e.GetProperty("type").GetString()));
        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("JoinCommunity", 9999));
        Assert.Contains("Community 9999 does not exist", refused.Message);
    }

    private HubConnection Connect() =>
        LiveHubClient.Connect(app.Factory, _token);

    private async Task<Guid> ReportAsync(int courtyardId) =>
        (await app.Api.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId, description = "垃圾未清运", reporterPhone = "13812345678" })).Id;
}
