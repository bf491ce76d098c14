using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Archive;
using CommandCenter.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>
/// One facility at a time by its id: added (201 with its address), changed and retired, each audited; a retired one is off the
/// courtyard's list but on file, refused any further change, and kept when the list is written whole; a bad row 422 with its code and
/// nothing stored; outside the scope 404, without the right 403.
/// </summary>
public sealed partial class ArchiveApiTests
{
    [Fact]
    public async Task AFacility_IsAddedChangedAndRetired_ByItsId_KeptOnFileAndAudited()
    {
        var courtyard = app.Archive.VisibleCourtyards(app.PostOf("property")).Last();
        var property = app.Factory.ClientAs("property");
        var url = $"/api/archive/courtyards/{courtyard.Id.Value}";

        var added = await property.PostAsJsonAsync($"{url}/facilities", new { kind = "Lift", count = 1, place = "3单元", state = "Working" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var address = added.Headers.Location!.ToString();
        var id = long.Parse(address[(address.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Working", (await FacilityOf(property, url, id))!.Value.GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await property.PutAsJsonAsync(address, new { kind = "Lift", count = 1, place = "3单元东侧", state = "Faulty" })).StatusCode);
        var changed = (await FacilityOf(property, url, id))!.Value;
        Assert.Equal(("Faulty", "3单元东侧"), (changed.GetProperty("state").GetString(), changed.GetProperty("place").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await property.DeleteAsync(address)).StatusCode);
        Assert.Null(await FacilityOf(property, url, id));
        var again = await property.PutAsJsonAsync(address, new { kind = "Lift", count = 1, place = "3单元", state = "Working" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "FacilityRetired"), (again.StatusCode, await CodeOf(again)));
        Assert.Equal("FacilityRetired", await CodeOf(await property.DeleteAsync(address)));

        // The list written whole replaces the rows on it, not the retired one.
        Assert.Equal(HttpStatusCode.NoContent, (await property.PutAsJsonAsync($"{url}/facilities",
            new { facilities = new[] { new { kind = "Bin", count = 4, place = "西门" } } })).StatusCode);
        await using var db = app.Context();
        var retired = await db.Facilities.SingleAsync(f => f.Id == id);
        Assert.Equal((FacilityState.Faulty, "3单元东侧", true), (retired.State, retired.Place, retired.RetiredAtUtc is not null));
        var audit = await db.AuditEntries.Where(e => e.Action == AuditActions.FacilityChanged || e.Action == AuditActions.FacilityRetired)
            .Where(e => e.Detail!.StartsWith($"facility {id} ")).Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditActions.FacilityChanged, AuditActions.FacilityRetired], audit.Order());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.FacilityAdded && e.Detail == $"courtyard {courtyard.Id}: Lift ×1 Working at 3单元"));
    }

    [Theory]
    [InlineData("Camera", 1, "", false, "InvalidPlace")]
    [InlineData("Camera", 1, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", false, "InvalidPlace")]
    [InlineData("Camera", 0, "大门", false, "InvalidFacilityCount")]
    [InlineData("Camera", 10_001, "大门", false, "InvalidFacilityCount")]
    [InlineData(null, 1, "大门", false, "Required")]
    [InlineData("Camera", 1, "大门", true, "UnknownReference")]
    public async Task ABadFacility_IsRefusedWithItsCode_AddedOrChanged_AndNothingIsStored(string? kind, int count, string place, bool anotherCourtyardsBuilding, string code)
    {
        var courtyard = app.Archive.VisibleCourtyards(app.PostOf("community")).First();
        await using var before = app.Context();
        var existing = await before.Facilities.AsNoTracking().FirstAsync(f => f.CourtyardId == courtyard.Id && f.RetiredAtUtc == null);
        var rows = await before.Facilities.CountAsync();
        var buildingId = !anotherCourtyardsBuilding ? (int?)null
            : app.Directory.Courtyards.Where(c => c.Id != courtyard.Id).SelectMany(c => app.Directory.BuildingsOf(c.Id)).First().Id.Value;
        var community = app.Factory.ClientAs("community");
        var body = new { kind, count, place, buildingId };

        var added = await community.PostAsJsonAsync($"/api/archive/courtyards/{courtyard.Id.Value}/facilities", body);
        var changed = await community.PutAsJsonAsync($"/api/archive/facilities/{existing.Id}", body);

        Assert.Equal((HttpStatusCode.UnprocessableEntity, code), (added.StatusCode, await CodeOf(added)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, code), (changed.StatusCode, await CodeOf(changed)));
        await using var after = app.Context();
        Assert.Equal(rows, await after.Facilities.CountAsync());
        var same = await after.Facilities.AsNoTracking().SingleAsync(f => f.Id == existing.Id);
        Assert.Equal((existing.Kind, existing.Count, existing.Place, existing.ConfirmedAtUtc), (same.Kind, same.Count, same.Place, same.ConfirmedAtUtc));
    }

    [Fact]
    public async Task AFacility_OutsideTheScopeOrUnknown_Is404_AndWithoutTheRight403_NothingChanged()
    {
        var grid = app.Factory.ClientAs("grid");
        List<Domain.Organisation.CourtyardId> scope = [.. app.Archive.VisibleCourtyards(app.PostOf("grid")).Select(c => c.Id)];
        await using var before = app.Context();
        var elsewhere = await before.Facilities.AsNoTracking().FirstAsync(f => !scope.Contains(f.CourtyardId) && f.RetiredAtUtc == null);
        object lift = new { kind = "Lift", count = 1, place = "1单元" };

        Assert.Equal(HttpStatusCode.NotFound, (await grid.PutAsJsonAsync($"/api/archive/facilities/{elsewhere.Id}", lift)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.DeleteAsync($"/api/archive/facilities/{elsewhere.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.DeleteAsync($"/api/archive/facilities/{long.MaxValue}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync($"/api/archive/courtyards/{elsewhere.CourtyardId.Value}/facilities", lift)).StatusCode);
        var leader = app.Factory.ClientAs("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.DeleteAsync($"/api/archive/facilities/{elsewhere.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/archive/courtyards/{elsewhere.CourtyardId.Value}/facilities", lift)).StatusCode);

        await using var after = app.Context();
        var same = await after.Facilities.AsNoTracking().SingleAsync(f => f.Id == elsewhere.Id);
        Assert.Equal((elsewhere.Place, elsewhere.RetiredAtUtc, elsewhere.ConfirmedAtUtc), (same.Place, same.RetiredAtUtc, same.ConfirmedAtUtc));
    }

    private static async Task<JsonElement?> FacilityOf(HttpClient client, string courtyardUrl, long id) =>
        (await client.GetFromJsonAsync<JsonElement>(courtyardUrl)).GetProperty("facilities").EnumerateArray()
            .Where(f => f.GetProperty("id").GetInt64() == id).Select(f => (JsonElement?)f).SingleOrDefault();

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
}
