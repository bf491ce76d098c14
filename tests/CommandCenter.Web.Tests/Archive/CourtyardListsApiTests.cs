using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>
/// A courtyard's owners' committee, party group, building heads and facilities through the API: written whole with an audit entry,
/// read with the courtyard with their source and day; property staff keep the facilities and see the committee, not the party group;
/// outside the scope 404, without the right 403, a bad list 422 with its code and nothing changed.
/// </summary>
public sealed partial class ArchiveApiTests
{
    private static object[] CommitteeOf(int size) =>
        [.. Enumerable.Range(0, size).Select(i => new { name = $"业委会{i}", role = i == 0 ? "Chair" : "Member" })];

    [Fact]
    public async Task ACourtyardsBodiesAndFacilities_AreRecordedWhole_AndReadWithinTheirScope()
    {
        var courtyard = app.Archive.VisibleCourtyards(app.PostOf("property")).First(c => app.Directory.BuildingsOf(c.Id).Count() >= 2);
        var buildings = app.Directory.BuildingsOf(courtyard.Id).Take(2).ToList();
        var admin = app.Factory.ClientAs("admin");
        var property = app.Factory.ClientAs("property");
        var url = $"/api/archive/courtyards/{courtyard.Id.Value}";

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"{url}/bodies/OwnersCommittee",
            new { members = CommitteeOf(5), termFrom = "2024-06-01", termUntil = "2029-05-31" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"{url}/bodies/partyGroup",
            new { members = new object[] { new { name = "李书记", role = "Secretary" }, new { name = "王党员", role = "Member" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"{url}/bodies/BuildingHeads",
            new { members = buildings.Select((b, i) => new { name = $"楼长{i}", role = "BuildingHead", buildingId = b.Id.Value }) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await property.PutAsJsonAsync($"{url}/facilities", new
        {
            facilities = new object[]
            {
                new { kind = "Lift", count = 1, place = "2单元", state = "Faulty", buildingId = buildings[0].Id.Value },
                new { kind = "Bin", count = 12, place = "东门" },
            },
        })).StatusCode);

        var seenByProperty = await property.GetFromJsonAsync<JsonElement>(url);
        var members = seenByProperty.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(7, members.Count);
        Assert.DoesNotContain(members, m => m.GetProperty("body").GetString() == "PartyGroup");
        var chair = members.Single(m => m.GetProperty("role").GetString() == "Chair");
        Assert.Equal(("2024-06-01", "2029-05-31", "ResidentBook"),
            (chair.GetProperty("termFrom").GetString(), chair.GetProperty("termUntil").GetString(), chair.GetProperty("source").GetString()));
        Assert.Equal(buildings[1].Name, members.Single(m => m.GetProperty("name").GetString() == "楼长1").GetProperty("building").GetString());
        var lift = seenByProperty.GetProperty("facilities").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "Lift");
        Assert.Equal(("Faulty", "PropertyCompany", buildings[0].Name), (lift.GetProperty("state").GetString(), lift.GetProperty("source").GetString(),
            lift.GetProperty("building").GetString()));

        var seenByAdmin = await admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(2, seenByAdmin.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("body").GetString() == "PartyGroup"));

        // Written again, a body is replaced, not added to.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"{url}/bodies/PartyGroup", new { members = new[] { new { name = "李书记", role = "Secretary" } } })).StatusCode);
        await using var db = app.Context();
        Assert.Equal(1, await db.CourtyardMembers.CountAsync(m => m.CourtyardId == courtyard.Id && m.Body == Domain.Archive.CourtyardBody.PartyGroup));
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.CourtyardBodyRecorded && e.Detail!.StartsWith($"courtyard {courtyard.Id} ")));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.FacilitiesRecorded && e.Detail!.StartsWith($"courtyard {courtyard.Id}:")));
    }

    [Theory]
    [InlineData("OwnersCommittee", 4, "2024-06-01", "2029-05-31", "InvalidCommitteeSize")]
    [InlineData("OwnersCommittee", 5, "2024-06-01", "2030-06-01", "InvalidTerm")]
    [InlineData("OwnersCommittee", 5, null, null, "Required")]
    [InlineData("Nobody", 5, "2024-06-01", "2029-05-31", "UnknownValue")]
    public async Task ABadBody_IsRefusedWithItsCode_AndNothingChanges(string body, int size, string? from, string? until, string code)
    {
        var courtyard = app.Archive.VisibleCourtyards(app.PostOf("community")).First();
        await using var before = app.Context();
        var count = await before.CourtyardMembers.CountAsync(m => m.CourtyardId == courtyard.Id);

        var response = await app.Factory.ClientAs("community").PutAsJsonAsync($"/api/archive/courtyards/{courtyard.Id.Value}/bodies/{body}",
            new { members = CommitteeOf(size), termFrom = from, termUntil = until });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var after = app.Context();
        Assert.Equal(count, await after.CourtyardMembers.CountAsync(m => m.CourtyardId == courtyard.Id));
    }

    [Fact]
    public async Task TheLists_OutsideTheScope_Are404_WithoutTheRight403_AndAnotherCourtyardsBuilding422()
    {
        var grid = app.Factory.ClientAs("grid");
        var elsewhere = app.Directory.Courtyards.First(c => !app.Archive.VisibleCourtyards(app.PostOf("grid")).Contains(c));
        object bins = new { facilities = new[] { new { kind = "Bin", count = 2, place = "北门" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PutAsJsonAsync($"/api/archive/courtyards/{elsewhere.Id.Value}/facilities", bins)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PutAsJsonAsync($"/api/archive/courtyards/{elsewhere.Id.Value}/bodies/PartyGroup",
            new { members = Array.Empty<object>() })).StatusCode);

        var own = app.Archive.VisibleCourtyards(app.PostOf("property")).First();
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Factory.ClientAs("property").PutAsJsonAsync($"/api/archive/courtyards/{own.Id.Value}/bodies/OwnersCommittee",
            new { members = CommitteeOf(5), termFrom = "2024-06-01", termUntil = "2029-05-31" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Factory.ClientAs("leader").PutAsJsonAsync($"/api/archive/courtyards/{own.Id.Value}/facilities", bins)).StatusCode);

        var notItsBuilding = app.Directory.Courtyards.Where(c => c.Id != own.Id).SelectMany(c => app.Directory.BuildingsOf(c.Id)).First();
        var response = await app.Factory.ClientAs("property").PutAsJsonAsync($"/api/archive/courtyards/{own.Id.Value}/facilities",
            new { facilities = new[] { new { kind = "Camera", count = 1, place = "大门", buildingId = notItsBuilding.Id.Value } } });
        Assert.Equal("UnknownReference", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
