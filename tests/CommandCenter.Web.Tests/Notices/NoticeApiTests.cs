using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Notices;

/// <summary>The administrator's notice API: templates saved as revisions and audited, refused in words, dead letters by state.</summary>
public sealed class NoticeApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Templates = "/api/admin/notices/templates";

    [Fact]
    public async Task PutTemplate_ThenGet_IsTheNextRevision_Audited_AndAStaleEditIsAConflict()
    {
        var before = Template(await app.Api.Http.GetFromJsonAsync<JsonElement>(Templates), "Warned");

        var saved = await app.Api.Http.PutAsJsonAsync($"{Templates}/Warned", new { text = "催办：{number}请于{deadline}前办结", expectedRevision = before.GetProperty("revision").GetInt32() });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = Template(await app.Api.Http.GetFromJsonAsync<JsonElement>(Templates), "Warned");
        Assert.Equal(before.GetProperty("revision").GetInt32() + 1, after.GetProperty("revision").GetInt32());
        Assert.Equal("催办：{number}请于{deadline}前办结", after.GetProperty("text").GetString());
        var audit = await app.Factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery());
        Assert.Contains(audit.Items, e => e.Action == AuditActions.NoticeTemplateSaved && e.Detail!.Contains("Warned"));
        var stale = await app.Api.Http.PutAsJsonAsync($"{Templates}/Warned", new { text = "催办", expectedRevision = before.GetProperty("revision").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task PutTemplate_WithAnUnknownPlaceholder_Is422_NamingTheField()
    {
        var response = await app.Api.Http.PutAsJsonAsync($"{Templates}/Dispatched", new { text = "案件{casenumber}", expectedRevision = 0 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(("UnknownPlaceholder", "text"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task ADispatch_IsListedInTheOutbox_AndResendingWhatIsNoDeadLetter_Is404()
    {
        var id = (await app.Api.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 1, description = "楼道堆放杂物" })).Id;
        await app.Api.CommandAsync(id, "accept", new { level = "Street" });
        var directory = app.Factory.Services.GetRequiredService<OrganisationDirectory>();
        var unit = directory.Units.First(u => u.Level == HandlingLevel.Street && directory.Staff.Any(s => s.UnitId == u.Id));
        await app.Api.CommandAsync(id, "dispatch", new { unitId = unit.Id });

        var notices = await app.Api.Http.GetFromJsonAsync<JsonElement>("/api/admin/notices/");

        var mine = notices.EnumerateArray().Where(n => n.GetProperty("kind").GetString() == "Dispatched" && n.GetProperty("text").GetString()!.Contains(unit.Name)).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, n => Assert.Contains("****", n.GetProperty("phone").GetString()));
        var resend = await app.Api.Http.PostAsync($"/api/admin/notices/{mine[0].GetProperty("id").GetInt64()}/resend", null);
        Assert.Equal(HttpStatusCode.NotFound, resend.StatusCode);
    }

    private static JsonElement Template(JsonElement templates, string kind) =>
        templates.EnumerateArray().Single(t => t.GetProperty("kind").GetString() == kind);
}
