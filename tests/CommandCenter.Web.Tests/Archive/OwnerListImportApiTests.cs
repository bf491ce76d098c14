using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>
/// The owner list from a spreadsheet (不动产登记 or the property company): new units are added with their titles, a
/// title the same source keeps is updated, a unit another source keeps with other figures is shown as conflicting and
/// not overwritten, and the same list again changes nothing; the developer's unsold units are one owner's, and one
/// person owning several units is one owner, so each counts once in the owner head count.
/// </summary>
public sealed partial class ArchiveApiTests
{
    [Fact]
    public async Task AnOwnerList_AddsUpdatesAndShowsConflicts_AndTheSameListAgainChangesNothing()
    {
        var post = app.PostOf("community");
        List<CourtyardId> scope = [.. app.Archive.VisibleCourtyards(post).Select(c => c.Id)];
        await using var db = app.Context();
        // A unit whose title the land registry gave, and one whose figures the property company gave.
        var registered = await db.Homes.Where(h => scope.Contains(h.CourtyardId) && db.Ownerships.Any(o => o.HomeId == h.Id)
                && db.Ownerships.Where(o => o.HomeId == h.Id).All(o => o.Source == ArchiveSource.LandRegistry))
            .OrderBy(h => h.Id).FirstAsync();
        var surveyed = await db.Homes.Where(h => scope.Contains(h.CourtyardId) && h.Source == ArchiveSource.PropertyCompany && h.Id != registered.Id)
            .OrderBy(h => h.Id).FirstAsync();
        string CourtyardOf(Home home) => app.Directory.Courtyard(home.CourtyardId)!.Name;
        var courtyard = CourtyardOf(registered);
        var (buyer, investor, wife) = (Id("11010519800101001"), Id("11010519750505002"), Id("11010519820202003"));
        var list = Sheet(
            OwnerRow(CourtyardOf(registered), registered.UnitNumber, registered.ExclusiveArea, registered.AreaSource, registered.Use, "测试买家", null, buyer, "是"),
            OwnerRow(CourtyardOf(surveyed), surveyed.UnitNumber, surveyed.ExclusiveArea + 7.5m, AreaSource.Registry, surveyed.Use, "测试另一业主", null, Id("11010519700101004"), null),
            OwnerRow(courtyard, "测试-1", 120.5m, AreaSource.Registry, HomeUse.Home, "测试置业有限公司", "开发商", null, null),
            OwnerRow(courtyard, "测试-2", 98m, AreaSource.Registry, HomeUse.Home, "测试置业有限公司", "开发商", null, null),
            OwnerRow(courtyard, "测试-3", 88m, AreaSource.Registry, HomeUse.Home, "测试投资人", null, investor, null),
            OwnerRow(courtyard, "测试-车位-3", 12.5m, AreaSource.Registry, HomeUse.ParkingSpace, "测试投资人", null, investor, null),
            OwnerRow(courtyard, "测试-4", 76m, AreaSource.Registry, HomeUse.Home, "测试丈夫", null, Id("11010519800303005"), "是", "50%"),
            OwnerRow(courtyard, "测试-4", 76m, AreaSource.Registry, HomeUse.Home, "测试妻子", null, wife, "否", "50"),
            OwnerRow(courtyard, "测试-5", "九十", AreaSource.Registry, HomeUse.Home, "面积写错", null, null, null));
        var (homes, owners) = (await db.Homes.CountAsync(), await db.Owners.CountAsync());

        var preview = await (await UploadOwners("/api/archive/imports/owners/preview?source=LandRegistry", list)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((6, 1, 1, 1), (preview.GetProperty("new").GetInt32(), preview.GetProperty("changed").GetInt32(),
            preview.GetProperty("conflicting").GetInt32(), preview.GetProperty("invalid").GetInt32()));
        var shown = preview.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32(), r => r);
        Assert.Equal(("Conflicting", "ImportConflictingUnit"), (shown[3].GetProperty("kind").GetString(), shown[3].GetProperty("problem").GetString()));
        Assert.Equal(("Invalid", "InvalidArea"), (shown[10].GetProperty("kind").GetString(), shown[10].GetProperty("problem").GetString()));
        Assert.False(string.IsNullOrEmpty(shown[3].GetProperty("text").GetString()));
        await using (var afterPreview = app.Context()) Assert.Equal((homes, owners), (await afterPreview.Homes.CountAsync(), await afterPreview.Owners.CountAsync()));

        var accepted = await (await UploadOwners("/api/archive/imports/owners?source=LandRegistry", list)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await UploadOwners("/api/archive/imports/owners?source=LandRegistry", list)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((6, 1), (accepted.GetProperty("new").GetInt32(), accepted.GetProperty("changed").GetInt32()));
        Assert.Equal((0, 0, 7, 1, 1), (again.GetProperty("new").GetInt32(), again.GetProperty("changed").GetInt32(), again.GetProperty("unchanged").GetInt32(),
            again.GetProperty("conflicting").GetInt32(), again.GetProperty("invalid").GetInt32()));
        await using var after = app.Context();
        // Five new units; the developer, the investor, the couple and the buyer are five new owners.
        Assert.Equal((homes + 5, owners + 5), (await after.Homes.CountAsync(), await after.Owners.CountAsync()));
        var added = await after.Homes.Where(h => h.UnitNumber.StartsWith("测试-")).ToListAsync();
        var titles = await after.Ownerships.Where(o => added.Select(h => h.Id).Contains(o.HomeId)).ToListAsync();
        Assert.Single(titles.Where(t => added.Any(h => h.Id == t.HomeId && h.UnitNumber is "测试-1" or "测试-2")).Select(t => t.OwnerId).Distinct());
        Assert.Equal(3, OwnerHeadCount.Of(added.Select(h => h.Id), titles.Select(t => (t.HomeId, t.OwnerId))));
        Assert.Equal([(true, 50m), (false, 50m)], titles.Where(t => added.Single(h => h.Id == t.HomeId).UnitNumber == "测试-4")
            .OrderByDescending(t => t.Representative).Select(t => (t.Representative, t.Share ?? 0)));
        Assert.Equal((HomeUse.ParkingSpace, ArchiveSource.LandRegistry), added.Where(h => h.UnitNumber == "测试-车位-3").Select(h => (h.Use, h.Source)).Single());
        var newTitle = await after.Ownerships.Where(o => o.HomeId == registered.Id).Join(after.Owners, o => o.OwnerId, o => o.Id, (_, o) => o.Name).ToListAsync();
        Assert.Equal(["测试买家"], newTitle);
        Assert.Equal(surveyed.ExclusiveArea, await after.Homes.Where(h => h.Id == surveyed.Id).Select(h => h.ExclusiveArea).SingleAsync());
    }

    [Fact]
    public async Task AnOwnerList_FromThePropertyCompany_DoesNotOverwriteTheRegistrysOwners()
    {
        var post = app.PostOf("community");
        List<CourtyardId> scope = [.. app.Archive.VisibleCourtyards(post).Select(c => c.Id)];
        await using var db = app.Context();
        var home = await db.Homes.Where(h => scope.Contains(h.CourtyardId) && h.Source == ArchiveSource.PropertyCompany
                && db.Ownerships.Any(o => o.HomeId == h.Id) && db.Ownerships.Where(o => o.HomeId == h.Id).All(o => o.Source == ArchiveSource.LandRegistry))
            .OrderByDescending(h => h.Id).FirstAsync();
        var before = await db.Ownerships.Where(o => o.HomeId == home.Id).Select(o => o.OwnerId).OrderBy(o => o).ToListAsync();
        var list = Sheet(OwnerRow(app.Directory.Courtyard(home.CourtyardId)!.Name, home.UnitNumber, home.ExclusiveArea, home.AreaSource, home.Use,
            "物业名单上的人", null, null, null));

        var accepted = await (await UploadOwners("/api/archive/imports/owners?source=PropertyCompany", list)).Content.ReadFromJsonAsync<JsonElement>();
        var wrongSource = await UploadOwners("/api/archive/imports/owners?source=ResidentBook", list);

        var row = Assert.Single(accepted.GetProperty("rows").EnumerateArray());
        Assert.Equal(("Conflicting", "ImportConflictingOwners"), (row.GetProperty("kind").GetString(), row.GetProperty("problem").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongSource.StatusCode);
        await using var after = app.Context();
        Assert.Equal(before, await after.Ownerships.Where(o => o.HomeId == home.Id).Select(o => o.OwnerId).OrderBy(o => o).ToListAsync());
    }

    [Fact]
    public async Task TheOwnerListTemplate_HasTheColumns()
    {
        var response = await app.Factory.ClientAs("property").GetAsync("/api/archive/imports/owners/template.xlsx");
        var headers = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: false).Cast<IDictionary<string, object?>>().First();
        Assert.Equal(Infrastructure.Archive.OwnerListImport.Columns, headers.Values.Select(v => v?.ToString()));
    }

    private static string Id(string seventeenDigits) => seventeenDigits + IdNumber.CheckCharacterOf(seventeenDigits);

    private Task<HttpResponseMessage> UploadOwners(string path, byte[] file)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "owners.xlsx" } };
        return app.Factory.ClientAs("community").PostAsync(path, form);
    }

    private static Dictionary<string, object?> OwnerRow(string courtyard, string unit, object area, AreaSource areaSource, HomeUse use, string owner, string? kind,
        string? idNumber, string? representative, string? share = null) => new()
    {
        ["院落"] = courtyard, ["门牌"] = unit, ["专有面积"] = area is decimal d ? (double)d : area, ["面积来源"] = ArchiveWords.AreaSources[areaSource],
        ["用途"] = ArchiveWords.Uses[use], ["业主"] = owner, ["业主类型"] = kind, ["身份证号"] = idNumber, ["电话"] = null, ["份额"] = share, ["代表人"] = representative,
    };
}
