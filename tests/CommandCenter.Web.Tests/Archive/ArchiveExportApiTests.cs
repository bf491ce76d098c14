using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Tests.Archive;

/// <summary>An export of personal data says why; it carries masked numbers only, and the audit log keeps the reason and the row count.</summary>
public sealed partial class ArchiveApiTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("看看")]
    public async Task AnExport_WithoutAReason_IsRefused_AndNotAudited(string? reason)
    {
        await using var before = app.Context();
        var audited = await before.AuditEntries.CountAsync(e => e.Action == AuditActions.PersonalDataExported);

        var response = await app.Factory.ClientAs("community").PostAsJsonAsync("/api/archive/people/export.csv", new { tag = "ElderlyAlone", reason });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("ExportReasonRequired", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await using var after = app.Context();
        Assert.Equal(audited, await after.AuditEntries.CountAsync(e => e.Action == AuditActions.PersonalDataExported));
    }

    [Fact]
    public async Task AnExport_HasTheScopesPeople_Masked_AndIsAuditedWithReasonAndCount()
    {
        var post = app.PostOf("community");
        List<CourtyardId> scope = [.. app.Archive.VisibleCourtyards(post).Select(c => c.Id)];
        await using var db = app.Context();
        var expected = await db.Residents.CountAsync(r => r.Removal == null && (r.Tags & ResidentTags.ElderlyAlone) != 0
            && db.Homes.Any(h => h.Id == r.HomeId && scope.Contains(h.CourtyardId)));

        var response = await app.Factory.ClientAs("community").PostAsJsonAsync("/api/archive/people/export.csv", new { tag = "ElderlyAlone", reason = "高温天气逐户走访独居老人" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected + 1, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.DoesNotMatch(@"\d{17}[\dX]|1\d{10}", line));
        await using var after = app.Context();
        var entry = await after.AuditEntries.Where(e => e.Action == AuditActions.PersonalDataExported).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal((post.StaffId, $"{expected} people, tag ElderlyAlone: 高温天气逐户走访独居老人"), (entry.StaffId, entry.Detail));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await app.Factory.ClientAs("property").PostAsJsonAsync("/api/archive/people/export.xlsx", new { tag = "ElderlyAlone", reason = "高温天气逐户走访独居老人" })).StatusCode);
    }
}
