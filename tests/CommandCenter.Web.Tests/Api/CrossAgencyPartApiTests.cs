using System.Net;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Api;

/// <summary>A cross-agency part is closed by its own department, or by the desk with a reason; never by another department.</summary>
/// <remarks>Run on SQLite and on PostgreSQL: <see cref="CrossAgencyPartApiOnSqliteTests"/>, <see cref="CrossAgencyPartApiOnPostgresTests"/>.</remarks>
public abstract class CrossAgencyPartApiTests(ApiApp app)
{
    private ApiClient Api => app.Api;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ClosePart_ByAnotherDepartmentsLiaison_Is403_AndChangesNothing(bool byTheLead)
    {
        var (id, lead, first, second) = await CrossAgencyCaseAsync();
        var before = await Api.GetAsync(id);

        var response = await LiaisonOf(byTheLead ? lead : second).PostAsync(id, "parts/close", new { unitId = first, result = "替别的部门办结" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal("Forbidden", problem.GetProperty("code").GetString());
        Assert.Equal("NotPartHolder", problem.GetProperty("refusal").GetString());
        Assert.Equivalent(before, await Api.GetAsync(id), strict: true);
    }

    [Fact]
    public async Task ClosePart_ByItsOwnLiaison_ClosesOnlyThatPart()
    {
        var (id, _, first, second) = await CrossAgencyCaseAsync();

        var closed = await LiaisonOf(first).CommandAsync(id, "parts/close", new { unitId = first, result = "燃气管线已检修" });

        Assert.True(closed.Parts.Single(p => p.UnitId == first).IsClosed);
        Assert.False(closed.Parts.Single(p => p.UnitId == second).IsClosed);
        Assert.Null(closed.Timeline[^1].Detail);
    }

    [Fact]
    public async Task ClosePart_ByTheDesk_NeedsAReason_AndRecordsIt()
    {
        var (id, _, first, _) = await CrossAgencyCaseAsync();
        var before = await Api.GetAsync(id);
        var dispatcher = new ApiClient(app.Factory.ClientAs("dispatcher"));

        var withoutReason = await dispatcher.PostAsync(id, "parts/close", new { unitId = first, result = "已检修" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Equal("reason", (await ApiClient.ProblemAsync(withoutReason)).GetProperty("field").GetString());
        Assert.Equivalent(before, await Api.GetAsync(id), strict: true);

        var closed = await dispatcher.CommandAsync(id, "parts/close", new { unitId = first, result = "已检修", reason = "部门电话确认已完成" });

        var recorded = closed.Timeline[^1];
        Assert.Equal((CaseEventType.PartClosed, "部门电话确认已完成", "PartClosure.OnBehalf"), (recorded.Type, recorded.Note, recorded.Detail));
        Assert.Equal("已检修", closed.Parts.Single(p => p.UnitId == first).Result);
    }

    private async Task<(Guid Id, UnitId Lead, UnitId First, UnitId Second)> CrossAgencyCaseAsync()
    {
        var (id, lead, coHandlers) = await app.SignedCrossAgencyCaseAsync("道路塌陷，燃气管线外露", coHandlers: 2);
        return (id, lead, coHandlers[0], coHandlers[1]);
    }

    private ApiClient LiaisonOf(UnitId unitId) => app.LiaisonOf(unitId);
}

public sealed class CrossAgencyPartApiOnSqliteTests(ApiApp app) : CrossAgencyPartApiTests(app), IClassFixture<ApiApp>;

public sealed class CrossAgencyPartApiOnPostgresTests(PostgresApiApp app) : CrossAgencyPartApiTests(app), IClassFixture<PostgresApiApp>;
