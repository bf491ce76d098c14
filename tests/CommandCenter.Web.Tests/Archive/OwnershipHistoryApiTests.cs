using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>
/// A title passing (a sale, an inheritance) keeps the former owners with their days on the home, append-only; only the
/// current title is the register a vote counts from; a transfer dated before the owners got the title, or in the future, changes nothing.
/// </summary>
public sealed partial class ArchiveApiTests
{
    [Fact]
    public async Task ASale_KeepsTheFormerOwnersWithTheirDays_OnTheHome_AndOnlyTheBuyerIsOnTheTitle()
    {
        List<CourtyardId> scope = [.. app.Archive.VisibleCourtyards(app.PostOf("property")).Select(c => c.Id)];
        await using var db = app.Context();
        var home = await db.Homes.Where(h => scope.Contains(h.CourtyardId) && db.Ownerships.Any(o => o.HomeId == h.Id))
            .OrderByDescending(h => h.Id).Skip(3).Select(h => h.Id).FirstAsync();
        var sellers = (await db.Ownerships.Where(o => o.HomeId == home).Select(o => o.OwnerId).ToListAsync()).Select(o => o.Value).Order().ToList();
        var client = app.Factory.ClientAs("property");
        var buyer = new { kind = "Person", name = "测试购房人", idNumber = Id("11010519900707006"), representative = true };

        var sale = await client.PostAsJsonAsync($"/api/archive/homes/{home.Value}/transfer", new { change = "Sale", on = "2025-06-01", owners = new[] { buyer } });
        var backdated = await client.PostAsJsonAsync($"/api/archive/homes/{home.Value}/transfer",
            new { change = "Inheritance", on = "2025-05-31", owners = new[] { new { kind = "Person", name = "测试继承人", representative = true } } });
        var future = await client.PostAsJsonAsync($"/api/archive/homes/{home.Value}/transfer", new { change = "Gift", on = "2099-01-01", owners = new[] { buyer } });
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/archive/homes/{home.Value}");

        Assert.Equal(HttpStatusCode.NoContent, sale.StatusCode);
        Assert.Equal("TransferBeforeOwning", (await backdated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("ArchiveDateInFuture", (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var owner = Assert.Single(view.GetProperty("owners").EnumerateArray());
        Assert.Equal(("测试购房人", "2025-06-01"), (owner.GetProperty("name").GetString(), owner.GetProperty("since").GetString()));
        var former = view.GetProperty("formerOwners").EnumerateArray().ToList();
        Assert.Equal(sellers, former.Select(f => f.GetProperty("id").GetInt32()).Order());
        Assert.All(former, f => Assert.Equal(("2025-06-01", "Sale"), (f.GetProperty("until").GetString(), f.GetProperty("change").GetString())));
        Assert.All(view.GetProperty("residents").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("tags").ValueKind));
        await using var after = app.Context();
        Assert.Equal([owner.GetProperty("id").GetInt32()], (await after.Ownerships.Where(o => o.HomeId == home).Select(o => o.OwnerId).ToListAsync()).Select(o => o.Value));
        Assert.Equal(sellers.Count, await after.FormerOwnerships.CountAsync(o => o.HomeId == home));
    }
}
