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
/// Schemes, scores and the 红黑榜 through the API, on a November where one property company closed one case
/// on time; the clock then stands in December, so November can be published.
/// </summary>
public sealed class ScoringApiTests(ScoringApiTests.App app) : IClassFixture<ScoringApiTests.App>
{
    [Fact]
    public async Task Scheme_RoundTrips_AsANewRevision()
    {
        var scheme = await app.Admin.GetFromJsonAsync<JsonElement>("/api/admin/scoring/CommunityCommittee");
        Assert.Equal(1, scheme.GetProperty("revision").GetInt32());
        Assert.Equal(100, scheme.GetProperty("weights").EnumerateArray().Sum(w => w.GetProperty("weightPercent").GetInt32()));

        var body = new
        {
            weights = new object[]
            {
                new { indicator = "ClosureRate", weightPercent = 40, direction = "HigherIsBetter" },
                new { indicator = "SatisfactionRate", weightPercent = 60, direction = "HigherIsBetter" },
            },
            countBands = Array.Empty<object>(),
            grades = new { a = 95, b = 80, c = 60, d = 40 },
            listSize = 2,
            expectedRevision = 1,
        };
        var saved = await app.Admin.PutAsJsonAsync("/api/admin/scoring/CommunityCommittee", body);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var again = await app.Admin.GetFromJsonAsync<JsonElement>("/api/admin/scoring/CommunityCommittee");
        Assert.Equal((2, 2, 95m), (again.GetProperty("revision").GetInt32(), again.GetProperty("listSize").GetInt32(), again.GetProperty("grades").GetProperty("a").GetDecimal()));
        Assert.Equal(HttpStatusCode.Conflict, (await app.Admin.PutAsJsonAsync("/api/admin/scoring/CommunityCommittee", body)).StatusCode);
    }

    [Fact]
    public async Task InvalidScheme_Is422_WithItsCode()
    {
        var response = await app.Admin.PutAsJsonAsync("/api/admin/scoring/StreetOffice", new
        {
            weights = new[] { new { indicator = "ClosureRate", weightPercent = 90, direction = "HigherIsBetter" } },
            countBands = Array.Empty<object>(),
            grades = new { a = 90, b = 75, c = 60, d = 40 },
            listSize = 3,
            expectedRevision = 1,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("WeightsNotHundred", (await ApiClient.ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task NonAdministrator_CannotSaveAScheme()
    {
        var response = await app.Leader.PutAsJsonAsync("/api/admin/scoring/PropertyCompany", new { expectedRevision = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Scores_RankTheKind_WithScoreGradeAndRevision()
    {
        var scores = await app.Leader.GetFromJsonAsync<JsonElement>("/api/assessment/scores?period=month&year=2026&month=11&kind=PropertyCompany");

        Assert.Equal(1, scores.GetProperty("schemeRevision").GetInt32());
        var first = scores.GetProperty("units")[0];
        // One dispatch (立案数分值 60), closed on time without rework: 60 × 10 % + 100 × 30 % × 3 = 96.00, grade A.
        Assert.Equal((app.Company.Id.Value, 1, 96.00m, "A"),
            (first.GetProperty("unitId").GetInt32(), first.GetProperty("rank").GetInt32(), first.GetProperty("score").GetDecimal(), first.GetProperty("grade").GetString()));
        Assert.Equal(JsonValueKind.Null, scores.GetProperty("units")[1].GetProperty("rank").ValueKind);
    }

    [Fact]
    public async Task Publish_OnceOnly_ThenShownOnThePublicPage()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Admin.PostAsync("/api/assessment/honour-roll/publish?year=2026&month=11", null)).StatusCode);

        var published = await app.Leader.PostAsync("/api/assessment/honour-roll/publish?year=2026&month=11", null);
        var again = await app.Leader.PostAsync("/api/assessment/honour-roll/publish?year=2026&month=11", null);

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("HonourRollAlreadyPublished", (await ApiClient.ProblemAsync(again)).GetProperty("code").GetString());
        var roll = await app.Leader.GetFromJsonAsync<JsonElement>("/api/assessment/honour-roll?year=2026&month=11");
        var entry = Assert.Single(roll.GetProperty("entries").EnumerateArray());
        Assert.Equal((app.Company.Id.Value, "Red", 96.00m), (entry.GetProperty("unitId").GetInt32(), entry.GetProperty("list").GetString(), entry.GetProperty("score").GetDecimal()));
        Assert.Empty(roll.GetProperty("persons").EnumerateArray()); // every act of this month was the system's: no person to list

        var page = WebUtility.HtmlDecode(await app.Anonymous.GetStringAsync("/public/honour-roll"));
        Assert.Contains("2026年11月红黑榜", page);
        Assert.Contains(app.Company.Name, page);
        Assert.Contains("红榜", page);
    }

    [Fact]
    public async Task OpenApiDocument_HasTheScoringPaths()
    {
        var paths = (await app.Leader.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        foreach (var path in new[] { "/api/admin/scoring/{kind}", "/api/assessment/scores", "/api/assessment/persons/scores", "/api/assessment/honour-roll", "/api/assessment/honour-roll/publish" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    /// <summary>The app on a fake clock with no timers running: one case in November, the clock then in December.</summary>
    public sealed class App : NovemberApp
    {
        public HttpClient Anonymous { get; private set; } = null!;
        public HandlingUnit Company { get; private set; } = null!;

        protected override async Task BuildAsync()
        {
            Anonymous = NewClient();
            var cases = Cases;
            Company = Directory.Units.Where(u => u.Kind == UnitKind.PropertyCompany && u.ServedCourtyardIds.Count > 0).OrderBy(u => u.Id).First();

            var reported = await cases.ReportAsync(new ReportCaseRequest(Channel.Hotline, "0101", Domain.Categories.Urgency.Normal,
                Company.ServedCourtyardIds[0], null, "楼道堆放杂物", "张三", "13812345678"), Test);
            await cases.ExecuteAsync(reported.Id, new AcceptCase(Company.Level), Test);
            await cases.ExecuteAsync(reported.Id, new DispatchCase(Company.Id), Test);
            await cases.ExecuteAsync(reported.Id, new SignCase(), Test);
            Clock.Advance(TimeSpan.FromMinutes(30));
            await cases.ExecuteAsync(reported.Id, new ReportDone("已处理"), Test);
            await cases.ExecuteAsync(reported.Id, new VerifyCase(true), Test);
            await cases.ExecuteAsync(reported.Id, new RateCase(Rating.Satisfied, Source: RatingSource.Reporter), Test);
            Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        }
    }
}
