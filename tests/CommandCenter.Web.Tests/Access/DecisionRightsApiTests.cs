using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Access;

/// <summary>Who decides through the API: the administrator's table round-trips, refuses what cannot stand, is audited; separation of duties answers 403 in words.</summary>
public sealed class DecisionRightsApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Route = "/api/admin/decisions";

    [Fact]
    public async Task Put_ThenGet_RoundTrips_AtTheNextRevision_AndIsAudited()
    {
        var before = await GetAsync();
        var rows = Rows(before).Select(r => r.Decision == "ApprovePostponement" ? r with { Roles = ["StreetLeader", "Dispatcher"] } : r).ToList();

        var response = await app.Api.Http.PutAsJsonAsync(Route, new { decisions = rows, expectedRevision = Revision(before) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await GetAsync();
        Assert.Equal(Revision(before) + 1, Revision(after));
        Assert.Equal(["StreetLeader", "Dispatcher"], Rows(after).Single(r => r.Decision == "ApprovePostponement").Roles);
        Assert.Equal(Rows(before).Where(r => r.Decision != "ApprovePostponement"), Rows(after).Where(r => r.Decision != "ApprovePostponement"), RowComparer.Instance);
        var entries = await app.Factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Source = ActSource.Api });
        var entry = Assert.Single(entries.Items, e => e.Action == AuditActions.DecisionRightsUpdated);
        Assert.Equal(AccessRole.Administrator, entry.ActorRole);
        Assert.Contains("ApprovePostponement=StreetLeader,Dispatcher", entry.Detail);

        var stale = await app.Api.Http.PutAsJsonAsync(Route, new { decisions = rows, expectedRevision = Revision(before) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    public static TheoryData<string, string, string?, string> Invalid() => new()
    {
        // decision, its roles (comma-separated), and the code and field the answer names
        { "Verify", "", "DecisionWithoutRole", "roles" },
        { "Verify", "Dispatcher,Administrator", "RoleCannotDecide", "roles" },
        { "Verify", "Dispatcher,Display", "RoleCannotDecide", "roles" },
        { "Verify", "Dispatcher,Janitor", "UnknownValue", "roles" },
        { "Verify", "4", "UnknownValue", "roles" },
        { "CloseWithoutRating", "StreetLeader", "UnknownValue", "decision" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Put_Invalid_Is422WithACode_AndTheTableIsUnchanged(string decision, string roles, string? code, string field)
    {
        var before = await GetAsync();
        var changed = new DecisionRow(decision, roles.Split(',', StringSplitOptions.RemoveEmptyEntries));
        var rows = Rows(before).Where(r => r.Decision != decision).Append(changed).ToList();

        var response = await app.Api.Http.PutAsJsonAsync(Route, new { decisions = rows, expectedRevision = Revision(before) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal((code, field), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equal((await GetAsync()).GetRawText(), before.GetRawText());
    }

    [Fact]
    public async Task Put_WithoutARowForEveryDecision_Is422()
    {
        var before = await GetAsync();

        var response = await app.Api.Http.PutAsJsonAsync(Route, new { decisions = Rows(before).Skip(1), expectedRevision = Revision(before) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("DecisionMissing", (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Verify_ByCommunityStaffOfTheCommitteeThatDidTheWork_Is403InWords_WhileAnotherUnitsWorkPasses()
    {
        var directory = app.Factory.Services.GetRequiredService<OrganisationDirectory>();
        var community = new ApiClient(app.Factory.ClientAs("community"));
        var staff = DemoAccounts.StaffOf("community", directory.Staff)!;
        var courtyard = directory.Courtyards.First(c => c.CommunityId == staff.CommunityId);
        var own = await DoneAsync(courtyard.Id, HandlingLevel.Community, staff.UnitId!.Value);
        var others = await DoneAsync(courtyard.Id, HandlingLevel.Courtyard, directory.UnitsServing(HandlingLevel.Courtyard, courtyard.Id).First().Id);

        var refused = await community.PostAsync(own, "verify", new { passed = true });
        var detail = await community.GetAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await ApiClient.ProblemAsync(refused);
        Assert.Equal(("OwnUnitsWork", "Verify"), (problem.GetProperty("refusal").GetString(), problem.GetProperty("command").GetString()));
        Assert.Equal("这是您所在单位办理的案件，须由其他岗位核查和评价。", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(Domain.Cases.CaseCommand.Verify, detail.AllowedCommands);
        Assert.Equal(HttpStatusCode.OK, (await community.PostAsync(others, "verify", new { passed = true })).StatusCode);
    }

    /// <summary>A hotline case in <paramref name="courtyard"/>, dispatched at <paramref name="level"/> to <paramref name="unit"/>, which reports it done.</summary>
    private async Task<Guid> DoneAsync(CourtyardId courtyard, HandlingLevel level, UnitId unit)
    {
        var id = (await app.Api.ReportAsync(new { channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = courtyard, description = "楼道堆放杂物" })).Id;
        await app.Api.CommandAsync(id, "accept", new { level = level.ToString() });
        await app.Api.CommandAsync(id, "dispatch", new { unitId = unit });
        await app.Api.CommandAsync(id, "sign");
        await app.Api.CommandAsync(id, "done", new { result = "已清理" });
        return id;
    }

    private async Task<JsonElement> GetAsync() => await app.Api.Http.GetFromJsonAsync<JsonElement>(Route);

    private static int Revision(JsonElement table) => table.GetProperty("revision").GetInt32();

    private static List<DecisionRow> Rows(JsonElement table) =>
        [.. table.GetProperty("decisions").EnumerateArray().Select(r => new DecisionRow(
            r.GetProperty("decision").GetString()!, [.. r.GetProperty("roles").EnumerateArray().Select(x => x.GetString()!)]))];

    private sealed record DecisionRow(string Decision, IReadOnlyList<string> Roles);

    private sealed class RowComparer : IEqualityComparer<DecisionRow>
    {
        public static readonly RowComparer Instance = new();
        public bool Equals(DecisionRow? x, DecisionRow? y) => x?.Decision == y?.Decision && x!.Roles.SequenceEqual(y!.Roles);
        public int GetHashCode(DecisionRow obj) => obj.Decision.GetHashCode(StringComparison.Ordinal);
    }
}
