using System.Net;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Api;

/// <summary>A co-handler signs its part, reports progress and returns it through the API; another unit is refused with a reason.</summary>
public sealed class CoHandlingPartApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private ApiClient Api => app.Api;

    [Fact]
    public async Task OwnLiaison_SignsReportsAndReturnsItsPart_ThenTheDeskAssignsAnother()
    {
        var (id, _, coHandlers) = await app.SignedCrossAgencyCaseAsync("河堤护栏倒塌，需多部门协同", coHandlers: 2);
        var own = app.LiaisonOf(coHandlers[0]);

        var signed = await own.CommandAsync(id, "parts/sign", new { unitId = coHandlers[0] });
        var part = signed.Parts.Single(p => p.UnitId == coHandlers[0]);
        Assert.True(part.IsSigned);
        Assert.NotNull(part.HandlingDeadlineUtc);
        Assert.False(part.SignedLate);

        var progressed = await own.CommandAsync(id, "parts/progress", new { unitId = coHandlers[0], note = "护栏材料已订购" });
        Assert.Equal((CaseEventType.PartProgressNoted, "护栏材料已订购"), (progressed.Timeline[^1].Type, progressed.Timeline[^1].Note));

        var returned = await own.CommandAsync(id, "parts/return", new { unitId = coHandlers[0], reason = "河堤归水利部门管理" });
        Assert.True(returned.Parts.Single(p => p.UnitId == coHandlers[0]).IsReturned);
        Assert.Equal(CaseEventType.PartReturned, returned.Timeline[^1].Type);
        Assert.Equal((PartRole.CoHandler, HandlingOutcome.Returned), (returned.HandlingRecords[^1].Role, returned.HandlingRecords[^1].Outcome));

        var other = returned.Parts.Select(p => p.UnitId).Concat([returned.Handling.CurrentUnitId!.Value]).ToHashSet();
        var dispatcher = new ApiClient(app.Factory.ClientAs("dispatcher"));
        var newcomer = (await Api.GetAsync<List<UnitRow>>("/api/reference/units?level=District")).First(u => u.Kind == UnitKind.DistrictDepartment && !other.Contains(u.Id)).Id;
        var assigned = await dispatcher.CommandAsync(id, "parts/assign", new { unitId = newcomer });
        Assert.True(assigned.Parts.Single(p => p.UnitId == newcomer).IsOpen);
    }

    [Theory]
    [InlineData("parts/sign")]
    [InlineData("parts/progress")]
    [InlineData("parts/return")]
    public async Task AnotherUnitsLiaison_Is403WithTheReason_AndChangesNothing(string route)
    {
        var (id, lead, coHandlers) = await app.SignedCrossAgencyCaseAsync("道路塌陷，燃气管线外露", coHandlers: 2);
        await app.LiaisonOf(coHandlers[0]).CommandAsync(id, "parts/sign", new { unitId = coHandlers[0] });
        var before = await Api.GetAsync(id);

        foreach (var foreign in new[] { lead, coHandlers[1] })
        {
            object body = route == "parts/progress" ? new { unitId = coHandlers[0], note = "替别的单位" } : new { unitId = coHandlers[0], reason = "替别的单位" };
            var response = await app.LiaisonOf(foreign).PostAsync(id, route, body);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = await ApiClient.ProblemAsync(response);
            Assert.Equal("NotPartHolder", problem.GetProperty("refusal").GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
        Assert.Equivalent(before, await Api.GetAsync(id), strict: true);
    }

    private sealed record UnitRow(UnitId Id, UnitKind Kind);
}
