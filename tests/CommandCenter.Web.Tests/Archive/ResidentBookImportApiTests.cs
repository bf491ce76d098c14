using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>
/// The resident book from a spreadsheet: a bad file imports nothing and says why; a preview names each row's
/// problem and writes nothing; a record another source keeps is shown as conflicting, not overwritten; the
/// same file accepted twice changes nothing the second time.
/// </summary>
public sealed partial class ArchiveApiTests
{
    [Fact]
    public async Task ABadFile_ImportsNothing_AndSaysWhy()
    {
        await using var before = app.Context();
        var residents = await before.Residents.CountAsync();

        var response = await Upload("/api/archive/imports/residents", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("UnreadableSpreadsheet", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var after = app.Context();
        Assert.Equal(residents, await after.Residents.CountAsync());
    }

    [Fact]
    public async Task ABook_IsPreviewedWithoutWriting_ThenAcceptedOnce_AndTheSameFileAgainChangesNothing()
    {
        var post = app.PostOf("grid");
        List<CourtyardId> scope = [.. app.Archive.VisibleCourtyards(post).Select(c => c.Id)];
        await using var db = app.Context();
        var home = await db.Homes.Where(h => scope.Contains(h.CourtyardId) && db.Residents.Count(r => r.HomeId == h.Id && r.Removal == null && r.Source == ArchiveSource.ResidentBook) >= 2)
            .OrderBy(h => h.Id).FirstAsync();
        var courtyard = app.Directory.Courtyard(home.CourtyardId)!.Name;
        var (onFile, fromBook) = await db.Residents.Where(r => r.HomeId == home.Id && r.Removal == null).OrderBy(r => r.Id).Take(2).ToListAsync() switch
        {
            [var first, var second] => (first, second),
            _ => throw new InvalidOperationException("The home has two residents."),
        };
        // The grid worker confirmed the first on a round: the book no longer decides for them.
        await app.Factory.ClientAs("grid").PutAsJsonAsync($"/api/archive/residents/{onFile.Id.Value}", new { tags = onFile.Tags.ToString() });
        var otherTags = onFile.Tags == ResidentTags.BuildingHead ? "党员" : "楼栋长";
        var bookTags = fromBook.Tags == ResidentTags.Dibao ? "骨干" : "低保";
        var book = Sheet(
            Row(courtyard, home.UnitNumber, "测试新住户", 1, "租户", null, "138 0013 8000", "志愿者、党员"),
            Row(courtyard, "不存在-9-999", "无此房", 1, "户主", null, null, null),
            Row(courtyard, home.UnitNumber, "错号码", 1, "户主", "110105194912310021", null, null),
            Row(courtyard, home.UnitNumber, "表亲", 1, "表哥", null, null, null),
            Row(courtyard, home.UnitNumber, onFile.Name, onFile.Household, ArchiveWords.Relations[onFile.Relation], null, null, otherTags),
            Row(courtyard, home.UnitNumber, fromBook.Name, fromBook.Household, ArchiveWords.Relations[fromBook.Relation], null, null, bookTags));
        var residents = await db.Residents.CountAsync();

        var preview = await (await Upload("/api/archive/imports/residents/preview", book)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((1, 1, 1, 3), (preview.GetProperty("new").GetInt32(), preview.GetProperty("changed").GetInt32(),
            preview.GetProperty("conflicting").GetInt32(), preview.GetProperty("invalid").GetInt32()));
        var problems = preview.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "Invalid")
            .ToDictionary(r => r.GetProperty("row").GetInt32(), r => r.GetProperty("problem").GetString());
        Assert.Equal(new Dictionary<int, string?> { [3] = "ImportUnknownHome", [4] = "InvalidIdNumber", [5] = "ImportUnknownRelation" }, problems);
        Assert.All(preview.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "Invalid"),
            r => Assert.False(string.IsNullOrEmpty(r.GetProperty("text").GetString())));
        await using (var afterPreview = app.Context()) Assert.Equal(residents, await afterPreview.Residents.CountAsync());

        var accepted = await (await Upload("/api/archive/imports/residents", book)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await Upload("/api/archive/imports/residents", book)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((1, 1), (accepted.GetProperty("new").GetInt32(), accepted.GetProperty("changed").GetInt32()));
        Assert.Equal((0, 0, 2, 1), (again.GetProperty("new").GetInt32(), again.GetProperty("changed").GetInt32(),
            again.GetProperty("unchanged").GetInt32(), again.GetProperty("conflicting").GetInt32()));
        await using var after = app.Context();
        Assert.Equal(residents + 1, await after.Residents.CountAsync());
        var added = await after.Residents.SingleAsync(r => r.HomeId == home.Id && r.Name == "测试新住户");
        Assert.Equal((ArchiveSource.ResidentBook, ResidentTags.Volunteer | ResidentTags.PartyMember, Relation.Tenant, "138****8000"),
            (added.Source, added.Tags, added.Relation, added.PhoneMasked));
        Assert.Equal(ArchiveWords.TagsOf(bookTags), await after.Residents.Where(r => r.Id == fromBook.Id).Select(r => r.Tags).SingleAsync());
        Assert.Equal((onFile.Tags, ArchiveSource.GridRound), await after.Residents.Where(r => r.Id == onFile.Id).Select(r => ValueTuple.Create(r.Tags, r.Source)).SingleAsync());
    }

    [Fact]
    public async Task TheTemplate_HasTheColumns()
    {
        var response = await app.Factory.ClientAs("community").GetAsync("/api/archive/imports/residents/template.xlsx");
        var headers = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: false).Cast<IDictionary<string, object?>>().First();
        Assert.Equal(Infrastructure.Archive.ResidentBookImport.Columns, headers.Values.Select(v => v?.ToString()));
    }

    private Task<HttpResponseMessage> Upload(string path, byte[] file)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "book.xlsx" } };
        return app.Factory.ClientAs("grid").PostAsync(path, form);
    }

    private static Dictionary<string, object?> Row(string courtyard, string unit, string name, int household, string relation, string? idNumber, string? phone, string? tags) => new()
    {
        ["院落"] = courtyard, ["门牌"] = unit, ["姓名"] = name, ["户号"] = household, ["与户主关系"] = relation, ["身份证号"] = idNumber, ["电话"] = phone, ["标签"] = tags,
    };

    private static byte[] Sheet(params Dictionary<string, object?>[] rows)
    {
        var file = new MemoryStream();
        MiniExcel.SaveAs(file, rows);
        return file.ToArray();
    }
}
