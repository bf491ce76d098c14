using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Assessment;

/// <summary>
/// A district post's dispatchers for one street (docs/decisions/0017), on a November of two streets: the district's
/// dispatcher (D1) dispatched two cases in the first street and one in the second, which the district department returned;
/// the second street's own dispatcher (D2) dispatched that one again and one more. The dispatcher scheme weighs 立案数 20 %
/// (one to nineteen dispatches: 60 points), 按时派遣率 40 % and 退单率 40 % (lower is better); every dispatch was at once, so on time.
/// </summary>
public sealed class StreetPersonScoresTests(StreetPersonScoresTests.App app) : IClassFixture<StreetPersonScoresTests.App>
{
    private const string Scores = "/api/assessment/persons/scores?period=month&year=2026&month=11&kind=Dispatcher";

    [Fact]
    public async Task PersonScores_OfEachStreet_AreThatStreetsActsAlone()
    {
        var district = await ScoredAsync(app.Leader, Scores);
        var ofA = await ScoredAsync(app.Leader, $"{Scores}&street={app.StreetA}");
        var ofB = await ScoredAsync(app.Leader, $"{Scores}&street={app.StreetB}");

        // District: D1 3 dispatched, 1 returned: 60 × 20 % + 100 × 40 % + (100 − 33.33…) × 40 % = 78.67, B; D2 2 dispatched, none
        // returned: 12 + 40 + 40 = 92.00, A.
        Assert.Equal([(app.StreetDispatcher.Value, 1, 92.00m, "A", 2, 0), (app.Dispatcher.Value, 2, 78.67m, "B", 3, 1)], district);
        // The first street: D1's two, neither returned: 92.00; D2 is another street's and acted only there: not listed.
        Assert.Equal([(app.Dispatcher.Value, 1, 92.00m, "A", 2, 0)], ofA);
        Assert.DoesNotContain(app.StreetDispatcher.Value, await ListedAsync($"{Scores}&street={app.StreetA}"));
        // The second street: D2's two: 92.00; D1's one, returned: 12 + 40 + 0 = 52.00, D.
        Assert.Equal([(app.StreetDispatcher.Value, 1, 92.00m, "A", 2, 0), (app.Dispatcher.Value, 2, 52.00m, "D", 1, 1)], ofB);
    }

    [Fact]
    public async Task PersonScores_OfAnUnknownStreet_Is404WithItsCode()
    {
        var response = await app.Leader.GetAsync($"{Scores}&street=999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("UnknownStreet", (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AStreetsPost_AskingForAnotherStreet_Is403_AndForItsOwnSeesOnlyItsOwn()
    {
        using var leaderOfB = app.Client(await TestStreets.StaffAsync(app.Services, app.StreetB, AccessRole.StreetLeader));

        var other = await leaderOfB.GetAsync($"{Scores}&street={app.StreetA}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var problem = await ApiClient.ProblemAsync(other);
        Assert.Equal(("Forbidden", "OutOfScope"), (problem.GetProperty("code").GetString(), problem.GetProperty("refusal").GetString()));

        var own = await ScoredAsync(leaderOfB, $"{Scores}&street={app.StreetB}");
        var unnamed = await ScoredAsync(leaderOfB, Scores);
        Assert.Equal([(app.StreetDispatcher.Value, 1, 92.00m, "A", 2, 0), (app.Dispatcher.Value, 2, 52.00m, "D", 1, 1)], own);
        Assert.Equal(own, unnamed);
    }

    [Fact]
    public async Task ThePeopleExport_AndTheDrillDown_FollowTheStreet()
    {
        var csv = await app.Leader.GetStringAsync($"/api/assessment/persons/scores.csv?period=month&year=2026&month=11&kind=Dispatcher&street={app.StreetB}");
        var cases = await app.Leader.GetFromJsonAsync<JsonElement>(
            $"/api/assessment/persons/{app.Dispatcher}/cases?period=month&year=2026&month=11&act=Dispatched&street={app.StreetA}");

        Assert.Contains("52.00", csv);
        Assert.DoesNotContain("78.67", csv);
        Assert.Equal(2, cases.GetProperty("total").GetInt32());
    }

    /// <summary>The scored rows in their order: person, rank, score, grade, dispatched, returned after dispatch.</summary>
    private static async Task<List<(int Person, int Rank, decimal Score, string Grade, int Dispatched, int Returned)>> ScoredAsync(HttpClient client, string path)
    {
        var scores = await client.GetFromJsonAsync<JsonElement>(path);
        return [.. scores.GetProperty("people").EnumerateArray()
            .Where(p => p.GetProperty("score").ValueKind == JsonValueKind.Number)
            .Select(p => (p.GetProperty("staffId").GetInt32(), p.GetProperty("rank").GetInt32(), p.GetProperty("score").GetDecimal(), p.GetProperty("grade").GetString()!,
                p.GetProperty("figures").GetProperty("Dispatched").GetInt32(), p.GetProperty("figures").GetProperty("DispatchReturned").GetInt32()))];
    }

    private async Task<List<int>> ListedAsync(string path) =>
        [.. (await app.Leader.GetFromJsonAsync<JsonElement>(path)).GetProperty("people").EnumerateArray().Select(p => p.GetProperty("staffId").GetInt32())];

    /// <summary>The November of two streets, the clock then in December.</summary>
    public sealed class App : NovemberApp
    {
        public StreetId StreetA { get; private set; }
        public StreetId StreetB { get; private set; }
        /// <summary>D1: the demo's first dispatcher, a district post.</summary>
        public StaffId Dispatcher { get; private set; }
        /// <summary>D2: the second street's dispatcher.</summary>
        public StaffId StreetDispatcher { get; private set; }

        public HttpClient Client(StaffId staff) => NewClient().WithToken(TestAccess.StaffToken(Services, staff));

        protected override async Task BuildAsync()
        {
            var (streetB, courtyardB) = await TestStreets.SecondStreetAsync(Services, Admin);
            var directory = Directory;
            StreetB = streetB;
            StreetA = directory.Streets.Single(s => s.Id != streetB).Id;
            StreetDispatcher = await TestStreets.StaffAsync(Services, streetB, AccessRole.Dispatcher);
            var d1 = directory.Staff.Where(s => s.Role == AccessRole.Dispatcher && s.StreetId is null).OrderBy(s => s.Id.Value).First();
            Dispatcher = d1.Id;
            var d2 = Test with { StaffId = StreetDispatcher, Name = directory.StaffMember(StreetDispatcher)!.Name };
            var asD1 = Test with { StaffId = d1.Id, Name = d1.Name };
            var cases = Cases;
            var company = directory.Units.Where(u => u.Kind == UnitKind.PropertyCompany && u.ServedCourtyardIds.Count > 0).OrderBy(u => u.Id).First();
            var department = directory.Units.Where(u => u.Kind == UnitKind.DistrictDepartment).OrderBy(u => u.Id).First();

            for (var i = 0; i < 2; i++) await DispatchedAsync(cases, company.ServedCourtyardIds[0], company, asD1);
            var returned = await DispatchedAsync(cases, courtyardB, department, asD1);
            await cases.ExecuteAsync(returned, new ReturnCase(ReturnReason.OwnershipUnclear), Test);
            await cases.ExecuteAsync(returned, new DispatchCase(department.Id), d2);
            await DispatchedAsync(cases, courtyardB, department, d2);
            Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        }

        private static async Task<Guid> DispatchedAsync(CaseService cases, CourtyardId courtyard, HandlingUnit unit, Post desk)
        {
            var reported = await cases.ReportAsync(new ReportCaseRequest(Channel.Hotline, "0101", Domain.Categories.Urgency.Normal,
                courtyard, null, "楼道堆放杂物", "张三", "13812345678"), Test);
            await cases.ExecuteAsync(reported.Id, new AcceptCase(unit.Level), desk);
            await cases.ExecuteAsync(reported.Id, new DispatchCase(unit.Id), desk);
            return reported.Id;
        }
    }
}
