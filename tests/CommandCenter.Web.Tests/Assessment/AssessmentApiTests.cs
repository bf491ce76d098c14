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
/// The assessment API over a month built with the real commands on a clock the test moves:
/// A closed on time, C open past its deadline, E rated 不满意, reworked and rated 满意 — all
/// Normal urgency, all with one property company, in November 2026.
/// </summary>
public sealed class AssessmentApiTests(AssessmentApiTests.App app) : IClassFixture<AssessmentApiTests.App>
{
    private const string November = "period=month&year=2026&month=11";

    [Fact]
    public async Task Area_AnswersTheMonthsCountsAndRates()
    {
        var area = await app.Leader.GetFromJsonAsync<JsonElement>($"/api/assessment/area?{November}");

        // 立案 3; 应结案 3 (A and E closed before their deadlines, C due at its deadline and open);
        // 结案 2; 按期 2; 返工 1 (E); ratings 满意 2 (A, E's second), 不满意 1 (E's first, which reopened it).
        var counts = area.GetProperty("indicators").GetProperty("counts");
        Assert.Equal((3, 3, 2, 2, 1, 1), (Int(counts, "registered"), Int(counts, "due"), Int(counts, "closed"), Int(counts, "closedOnTime"),
            Int(counts, "reworked"), Int(counts, "overdueOpen")));
        var rates = area.GetProperty("indicators").GetProperty("rates");
        Assert.Equal(66.67m, Percent(rates, "closure"));
        Assert.Equal(66.67m, Percent(rates, "onTime"));
        Assert.Equal(33.33m, Percent(rates, "rework"));
        Assert.Equal(66.67m, Percent(rates, "satisfaction"));
        Assert.Equal(JsonValueKind.Null, rates.GetProperty("urgentOnTime").ValueKind);
        Assert.Equal(new DateOnly(2026, 11, 30), DateOnly.Parse(area.GetProperty("period").GetProperty("lastDay").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Units_AnswersOneRowPerUnitOfTheKind()
    {
        var table = await app.Leader.GetFromJsonAsync<JsonElement>($"/api/assessment/units?{November}&kind=PropertyCompany");

        var rows = table.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(app.Directory.Units.Count(u => u.Kind == UnitKind.PropertyCompany), rows.Count);
        var company = rows.Single(r => r.GetProperty("unitId").GetInt32() == app.Company.Id.Value);
        // 应结案 4: A's round, E's two rounds (done on time), C's round under way; 结案 and 按期 3.
        var counts = company.GetProperty("indicators").GetProperty("counts");
        Assert.Equal((3, 4, 3, 3), (Int(counts, "registered"), Int(counts, "due"), Int(counts, "closed"), Int(counts, "closedOnTime")));
        Assert.Equal(75.00m, Percent(company.GetProperty("indicators").GetProperty("rates"), "onTime"));
    }

    [Fact]
    public async Task AnotherMonth_HasNoRates()
    {
        var area = await app.Leader.GetFromJsonAsync<JsonElement>("/api/assessment/area?period=month&year=2026&month=10");

        Assert.Equal(0, Int(area.GetProperty("indicators").GetProperty("counts"), "due"));
        Assert.Equal(JsonValueKind.Null, area.GetProperty("indicators").GetProperty("rates").GetProperty("closure").ValueKind);
    }

    [Theory]
    [InlineData("period=month&year=2026&month=13", "MonthOutOfRange", "month")]
    [InlineData("period=month&year=2026", "Required", "month")]
    [InlineData("period=custom&from=2026-11-30&to=2026-11-01", "PeriodEndsBeforeStart", "to")]
    [InlineData("period=custom&from=2023-01-01&to=2026-11-01", "PeriodTooLong", "to")]
    [InlineData("period=fortnight&year=2026", "UnknownValue", "period")]
    [InlineData("year=2026", "Required", "period")]
    [InlineData("period=quarter&year=2026&quarter=5", "QuarterOutOfRange", "quarter")]
    public async Task BadPeriod_Is422_WithItsCode(string query, string code, string field)
    {
        foreach (var path in new[] { "area", "units" })
        {
            var response = await app.Leader.GetAsync($"/api/assessment/{path}?{query}");

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await ApiClient.ProblemAsync(response);
            Assert.Equal((code, field), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        }
    }

    [Fact]
    public async Task OpenApiDocument_HasTheAssessmentPaths()
    {
        var document = await app.Leader.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/assessment/area", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/assessment/units", out _));
        foreach (var path in new[] { "/api/assessment/cases", "/api/assessment/persons", "/api/assessment/levels", "/api/assessment/settings",
            "/api/assessment/units.xlsx", "/api/assessment/areas.csv", "/api/exports/cases.xlsx", "/api/exports/cases.csv" })
            Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), path);
    }

    private static int Int(JsonElement counts, string name) => counts.GetProperty(name).GetInt32();

    private static decimal Percent(JsonElement rates, string name) => rates.GetProperty(name).GetProperty("percent").GetDecimal();

    /// <summary>The app on a fake clock with no timers running, so the month stays as the test made it.</summary>
    [Fact]
    public async Task PersonScores_RankTheMonthsDispatchers_ByTheirScheme()
    {
        var scores = await app.Leader.GetFromJsonAsync<JsonElement>("/api/assessment/persons/scores?period=month&year=2026&month=11&kind=Dispatcher");

        var first = scores.GetProperty("people")[0];
        Assert.Equal(app.Dispatcher.Id.Value, first.GetProperty("staffId").GetInt32());
        Assert.Equal((1, 92.00m, "A"), (first.GetProperty("rank").GetInt32(), first.GetProperty("score").GetDecimal(), first.GetProperty("grade").GetString()));
        Assert.Equal(3, first.GetProperty("figures").GetProperty("Dispatched").GetInt32());
        Assert.Equal(0, first.GetProperty("figures").GetProperty("DispatchReturned").GetInt32());
        Assert.Equal(100m, first.GetProperty("rates").GetProperty("DispatchOnTimeRate").GetProperty("percent").GetDecimal());
        Assert.Equal(1, scores.GetProperty("schemeRevision").GetInt32());

        var missing = await app.Leader.GetAsync("/api/assessment/persons/scores?period=month&year=2026&month=11");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
    }

    public sealed class App : NovemberApp
    {
        public HandlingUnit Company { get; private set; } = null!;
        public Staff Dispatcher => Directory.Staff.Where(s => s.Role == AccessRole.Dispatcher).OrderBy(s => s.Id.Value).First();

        protected override async Task BuildAsync()
        {
            var cases = Cases;
            Company = Directory.Units.Where(u => u.Kind == UnitKind.PropertyCompany && u.ServedCourtyardIds.Count > 0).OrderBy(u => u.Id).First();

            var a = await SignedAsync(cases);
            var c = await SignedAsync(cases);
            var e = await SignedAsync(cases);
            Clock.Advance(TimeSpan.FromMinutes(30));
            await CloseAsync(cases, a.Id, Rating.Satisfied);
            await CloseAsync(cases, e.Id, Rating.Unsatisfied);
            await CloseAsync(cases, e.Id, Rating.Satisfied);
            Clock.SetUtcNow(c.Clock.HandlingDeadlineUtc!.Value.AddHours(1));
        }

        /// <summary>
        /// One more case of the company in December (November stays as built), done and verified, then closed
        /// by the timer as 默认满意 when the reporter's week to rate has passed.
        /// </summary>
        public async Task AutoClosedAsync()
        {
            var cases = Cases;
            Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
            var f = await SignedAsync(cases);
            await cases.ExecuteAsync(f.Id, new ReportDone("已处理"), Test);
            await cases.ExecuteAsync(f.Id, new VerifyCase(true), Test);
            Clock.Advance(TimeSpan.FromDays(8));
            await cases.ExecuteAsync(f.Id, new AutoCloseCase(), Post.System(ActSource.Timer));
        }

        private async Task<Case> SignedAsync(CaseService cases)
        {
            var reported = await cases.ReportAsync(new ReportCaseRequest(Channel.Hotline, "0101", Domain.Categories.Urgency.Normal,
                Company.ServedCourtyardIds[0], null, "楼道堆放杂物", "张三", "13812345678"), Test);
            // The desk's acts under the first dispatcher's name, so the people's table has someone to score.
            var desk = Test with { StaffId = Dispatcher.Id, Name = Dispatcher.Name };
            await cases.ExecuteAsync(reported.Id, new AcceptCase(Company.Level), desk);
            await cases.ExecuteAsync(reported.Id, new DispatchCase(Company.Id), desk);
            return await cases.ExecuteAsync(reported.Id, new SignCase(), Test);
        }

        private static async Task CloseAsync(CaseService cases, Guid id, Rating rating)
        {
            await cases.ExecuteAsync(id, new ReportDone("已处理"), Test);
            await cases.ExecuteAsync(id, new VerifyCase(true), Test);
            await cases.ExecuteAsync(id, new RateCase(rating, Source: RatingSource.Reporter), Test);
        }
    }
}
