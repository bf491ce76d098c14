using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>
/// The archive written by hand: a resident added, corrected and taken out of the book keeps their record and
/// leaves an audit entry each time; a home's owners are recorded as one title. Bad fields are 422 with a code
/// and change nothing; a home outside the post's scope is 404; a post without the right is 403.
/// </summary>
public sealed partial class ArchiveApiTests
{
    private static readonly object Grandson = new
    {
        name = "王小明", household = 1, relation = "Grandchild", movedInOn = "2020-09-01", tags = "SchoolAgeChild, Volunteer",
        idNumber = "11010519491231002X", phone = "138 0013 8000",
    };

    [Fact]
    public async Task AResident_IsAdded_Corrected_AndRemoved_KeepingTheRecord_AuditedEachTime()
    {
        var home = await HomeIn("grid");
        var client = app.Factory.ClientAs("grid");

        var added = await client.PostAsJsonAsync($"/api/archive/homes/{home.Value}/residents", Grandson);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = new ResidentId(int.Parse(added.Headers.Location!.ToString().Split('/')[^1]));
        Assert.Equal(HttpStatusCode.NoContent,
            (await client.PutAsJsonAsync($"/api/archive/residents/{id.Value}", new { relation = "Child", tags = "SchoolAgeChild" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await client.PostAsJsonAsync($"/api/archive/residents/{id.Value}/removal", new { reason = "Moved", on = "2026-11-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await client.PostAsJsonAsync($"/api/archive/residents/{id.Value}/removal", new { reason = "Deceased", on = "2026-12-01" })).StatusCode);

        await using var db = app.Context();
        var resident = await db.Residents.SingleAsync(r => r.Id == id);
        Assert.Equal((home, "王小明", Relation.Child, ResidentTags.SchoolAgeChild, RemovalReason.Moved, new DateOnly(2026, 11, 30), ArchiveSource.GridRound),
            (resident.HomeId, resident.Name, resident.Relation, resident.Tags, resident.Removal!.Value, resident.MovedOutOn!.Value, resident.Source));
        Assert.Equal("138****8000", resident.PhoneMasked);
        Assert.DoesNotContain("13800138000", resident.PhoneCipher);
        var audit = await db.AuditEntries.Where(e => e.Detail!.StartsWith($"resident {id}")).Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditActions.ResidentAdded, AuditActions.ResidentChanged, AuditActions.ResidentRemoved], audit.Order());
    }

    [Theory]
    [InlineData("""{"household":1,"relation":"Head"}""", "InvalidName")]
    [InlineData("""{"name":"张三","relation":"Head"}""", "Required")]
    [InlineData("""{"name":"张三","household":0,"relation":"Head"}""", "InvalidHousehold")]
    [InlineData("""{"name":"张三","household":1,"relation":"Head","tags":4096}""", "UnknownTag")]
    [InlineData("""{"name":"张三","household":1,"relation":"Head","idNumber":"110105194912310021"}""", "InvalidIdNumber")]
    [InlineData("""{"name":"张三","household":1,"relation":"Head","phone":"12345"}""", "InvalidPhone")]
    [InlineData("""{"name":"张三","household":1,"relation":"Head","movedInOn":"2099-01-01"}""", "ArchiveDateInFuture")]
    public async Task ABadResident_IsRefusedWithItsCode_AndNothingIsStored(string body, string code)
    {
        var home = await HomeIn("community");
        await using var before = app.Context();
        var count = await before.Residents.CountAsync(r => r.HomeId == home);

        var response = await app.Factory.ClientAs("community").PostAsync($"/api/archive/homes/{home.Value}/residents",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var after = app.Context();
        Assert.Equal(count, await after.Residents.CountAsync(r => r.HomeId == home));
    }

    [Fact]
    public async Task Writes_OutsideTheScope_Are404_AndWithoutTheRight_403()
    {
        var elsewhere = await HomeOutside("grid");
        var grid = app.Factory.ClientAs("grid");
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync($"/api/archive/homes/{elsewhere.Value}/residents", Grandson)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PostAsJsonAsync("/api/archive/homes/999999/residents", Grandson)).StatusCode);
        await using var db = app.Context();
        var resident = await db.Residents.Where(r => r.HomeId == elsewhere).Select(r => r.Id).FirstAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await grid.PutAsJsonAsync($"/api/archive/residents/{resident.Value}", new { household = 2 })).StatusCode);
        var own = await HomeIn("property");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Factory.ClientAs("property").PostAsJsonAsync($"/api/archive/homes/{own.Value}/residents", Grandson)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.PutAsJsonAsync($"/api/archive/homes/{own.Value}/owners", new { owners = Array.Empty<object>() })).StatusCode);
    }

    [Fact]
    public async Task AHomesOwners_AreRecordedAsOneTitle_AndAnOwnerOnFile_IsFoundByIdNumber()
    {
        var (first, second) = (await HomeIn("property"), await HomeIn("property", skip: 1));
        var client = app.Factory.ClientAs("property");
        object[] couple =
        [
            new { kind = "Person", name = "李建国", idNumber = "11010519491231002x", phone = "13900000001", representative = true },
            new { kind = "Person", name = "赵秀英", representative = false },
        ];
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/archive/homes/{first.Value}/owners", new { owners = couple })).StatusCode);
        // The same man buys a second unit alone: one owner on file, found by his ID number.
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/archive/homes/{second.Value}/owners", new { owners = new[] { couple[0] } })).StatusCode);

        await using var db = app.Context();
        var titles = await db.Ownerships.Where(o => o.HomeId == first || o.HomeId == second).ToListAsync();
        Assert.Equal(3, titles.Count);
        var husband = titles.Single(o => o.HomeId == second).OwnerId;
        Assert.True(titles.Single(o => o.HomeId == first && o.OwnerId == husband).Representative);
        Assert.Equal(ArchiveSource.PropertyCompany, (await db.Owners.SingleAsync(o => o.Id == husband)).Source);

        var twoRepresentatives = await client.PutAsJsonAsync($"/api/archive/homes/{first.Value}/owners",
            new { owners = new object[] { new { ownerId = husband.Value, representative = true }, new { kind = "Person", name = "赵秀英", representative = true } } });
        Assert.Equal("OneRepresentative", (await twoRepresentatives.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var after = app.Context();
        Assert.Equal(2, await after.Ownerships.CountAsync(o => o.HomeId == first));
    }

    private async Task<HomeId> HomeIn(string user, int skip = 0)
    {
        List<CourtyardId> scope = [.. app.Archive.VisibleCourtyards(app.PostOf(user)).Select(c => c.Id)];
        await using var db = app.Context();
        return await db.Homes.Where(h => scope.Contains(h.CourtyardId)).OrderBy(h => h.Id).Skip(skip).Select(h => h.Id).FirstAsync();
    }

    private async Task<HomeId> HomeOutside(string user)
    {
        List<CourtyardId> scope = [.. app.Archive.VisibleCourtyards(app.PostOf(user)).Select(c => c.Id)];
        await using var db = app.Context();
        return await db.Homes.Where(h => !scope.Contains(h.CourtyardId) && db.Residents.Any(r => r.HomeId == h.Id)).Select(h => h.Id).FirstAsync();
    }
}
