using System.Net;
using System.Text.Json;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Api;

/// <summary>
/// The typed ids change nothing a client sees: ids are JSON numbers in answers and bodies, ints in
/// routes and query strings, and integers in the OpenAPI document.
/// </summary>
public sealed class TypedIdApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private ApiClient Api => app.Api;

    private OrganisationDirectory Directory => app.Factory.Services.GetRequiredService<OrganisationDirectory>();

    [Fact]
    public async Task CaseDetail_CarriesUnitCourtyardAndCommunityIdsAsNumbers()
    {
        var created = await Api.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 2, description = "道路塌陷，燃气管线外露" });
        await Api.CommandAsync(created.Id, "accept", new { level = "District" });
        var units = Directory.Units.Where(u => u.Kind == UnitKind.DistrictDepartment).Take(3).Select(u => u.Id.Value).ToArray();
        await Api.CommandAsync(created.Id, "dispatch", new { unitId = units[0], coHandlerUnitIds = units[1..] });

        var detail = await Api.GetAsync<JsonElement>($"/api/cases/{created.Id}");

        var place = detail.GetProperty("place");
        Assert.Equal(2, Number(place, "courtyardId"));
        Assert.Equal(Directory.Courtyard(new CourtyardId(2))!.CommunityId.Value, Number(place, "communityId"));
        Assert.Equal(units[0], Number(detail.GetProperty("handling"), "currentUnitId"));
        Assert.Equal(units, detail.GetProperty("parts").EnumerateArray().Select(p => Number(p, "unitId")).Order());
    }

    [Fact]
    public async Task ReferenceCourtyards_CarryTheirIdsAsNumbers()
    {
        var courtyards = await Api.GetAsync<JsonElement[]>("/api/reference/courtyards");

        Assert.Equal(
            Directory.Courtyards.Select(c => (c.Id.Value, c.CommunityId.Value)).Order(),
            courtyards.Select(c => (Number(c, "id"), Number(c, "communityId"))).Order());
    }

    [Fact]
    public async Task Buildings_AreNumbers_ListedAndReportedInto()
    {
        var building = Directory.BuildingsOf(new CourtyardId(2)).First();

        var listed = await Api.GetAsync<JsonElement[]>("/api/reference/courtyards/2/buildings");
        var created = await Api.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 2, buildingId = building.Id.Value, description = "楼道灯不亮" });

        Assert.Equal(Directory.BuildingsOf(new CourtyardId(2)).Select(b => b.Id.Value), listed.Select(b => Number(b, "id")));
        Assert.Equal(building.Name, created.Place.BuildingName);
    }

    [Fact]
    public async Task DepartmentTickets_BindTheUnitFromTheRoute()
    {
        var department = Directory.Units.First(u => u.Kind == UnitKind.DistrictDepartment);

        var known = await Api.Http.GetAsync($"/api/departments/{department.Id.Value}/tickets");
        var unknown = await Api.Http.GetAsync("/api/departments/99999/tickets");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Queue_BindsTheCommunityFromTheQueryString()
    {
        var community = Directory.Courtyard(new CourtyardId(2))!.CommunityId;
        await Api.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = 2, description = "楼道堆放杂物" });

        var queue = await Api.GetAsync<JsonElement>($"/api/cases?communityId={community.Value}&pageSize=200");

        var names = queue.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("communityName").GetString()).Distinct();
        Assert.Equal([Directory.CommunityName(community)], names);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesIdsAsIntegers()
    {
        using var document = JsonDocument.Parse(await Api.Http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        Assert.All(
            [
                Parameter(paths, "/api/departments/{unitId}/tickets", "unitId"),
                Parameter(paths, "/api/cases", "communityId"),
                Parameter(paths, "/api/cases", "courtyardId"),
                schemas.GetProperty("CasePlace").GetProperty("properties").GetProperty("courtyardId"),
                schemas.GetProperty("CaseHandling").GetProperty("properties").GetProperty("currentUnitId"),
                schemas.GetProperty("DispatchCase").GetProperty("properties").GetProperty("coHandlerUnitIds").GetProperty("items"),
                schemas.GetProperty("ReportCaseRequest").GetProperty("properties").GetProperty("buildingId"),
                schemas.GetProperty("ReportCaseRequest").GetProperty("properties").GetProperty("facilityId"),
                schemas.GetProperty("CourtyardInput").GetProperty("properties").GetProperty("gridId"),
            ],
            schema => Assert.Contains("integer", schema.GetProperty("type").ToString()));
    }

    private static JsonElement Parameter(JsonElement paths, string path, string name) =>
        paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");

    private static int Number(JsonElement owner, string property)
    {
        var value = owner.GetProperty(property);
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        return value.GetInt32();
    }
}
