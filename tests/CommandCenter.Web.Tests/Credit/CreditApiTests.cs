using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Credit;

/// <summary>The credit API as the street, a company's staff and the public use it; refusals as ProblemDetails with their codes.</summary>
public sealed class CreditApiTests(CreditApiTests.App app) : IClassFixture<CreditApiTests.App>
{
    private static readonly DateOnly Today = ChinaTime.LocalDate(DateTime.UtcNow);

    [Fact]
    public async Task ItemsAndAnUpheldAppeal_MoveTheCompanysScore()
    {
        var company = app.OwnCompany;
        await AddAsync(company, "Award", 6, "红色物业示范点");
        var judgment = await AddAsync(company, "Judgment", -10, "电梯年检逾期被处罚");

        var row = await CompanyRowAsync(app.Dispatcher, company);
        Assert.Equal((76, "A"), (row.GetProperty("standing").GetProperty("score").GetInt32(), row.GetProperty("standing").GetProperty("band").GetString()));

        var appeal = await app.Property.PostAsJsonAsync($"/api/credit/companies/{company.Value}/appeals", new { itemId = judgment, reason = "处罚已被撤销" });
        Assert.Equal(HttpStatusCode.Created, appeal.StatusCode);
        var appealId = (await appeal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var byDispatcher = await app.Dispatcher.PostAsJsonAsync($"/api/credit/companies/{company.Value}/appeals/{appealId}/decision", new { outcome = "Upheld" });
        Assert.Equal(HttpStatusCode.Forbidden, byDispatcher.StatusCode);
        var decided = await app.Leader.PostAsJsonAsync($"/api/credit/companies/{company.Value}/appeals/{appealId}/decision", new { outcome = "Upheld", note = "核实" });
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);

        var ledger = await app.Property.GetFromJsonAsync<JsonElement>($"/api/credit/companies/{company.Value}");
        Assert.Equal(86, ledger.GetProperty("standing").GetProperty("score").GetInt32());
        var item = ledger.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == judgment);
        Assert.True(item.GetProperty("void").GetBoolean());
        Assert.Equal("Upheld", item.GetProperty("appeals")[0].GetProperty("state").GetString());
        var again = await app.Leader.PostAsJsonAsync($"/api/credit/companies/{company.Value}/appeals/{appealId}/decision", new { outcome = "Rejected" });
        await AssertProblemAsync(again, HttpStatusCode.UnprocessableEntity, "AppealAlreadyDecided");
    }

    [Fact]
    public async Task ACompany_ActingOnAnotherCompanysLedger_Gets403()
    {
        var other = app.OtherCompany;
        var item = await AddAsync(other, "Manual", -3, "垃圾清运不及时");

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Property.GetAsync($"/api/credit/companies/{other.Value}")).StatusCode);
        var appeal = await app.Property.PostAsJsonAsync($"/api/credit/companies/{other.Value}/appeals", new { itemId = item, reason = "不服" });
        await AssertProblemAsync(appeal, HttpStatusCode.Forbidden, "Forbidden");
        var listed = await app.Property.GetFromJsonAsync<JsonElement>("/api/credit/companies");
        Assert.Equal([app.OwnCompany.Value], listed.EnumerateArray().Select(r => r.GetProperty("companyId").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Property.PostAsJsonAsync("/api/credit/items",
            new { companyId = app.OwnCompany.Value, source = "Award", date = Today, points = 50, reason = "自评" })).StatusCode);
    }

    public static TheoryData<string, object, string, string> BadRequests() => new()
    {
        { "/api/credit/items", new { companyId = 0, source = "Inspection", date = Today, points = 3, reason = "x" }, "SourceNotByHand", "source" },
        { "/api/credit/items", new { companyId = 0, source = "Award", date = Today, points = 101, reason = "x" }, "CreditPointsOutOfRange", "points" },
        { "/api/credit/items", new { companyId = 0, source = "Award", date = Today, points = 5, reason = "x", veto = true }, "VetoNotAllowed", "veto" },
        { "/api/credit/items", new { companyId = 0, source = "Award", date = Today.AddDays(2), points = 5, reason = "x" }, "CreditDateInFuture", "date" },
        { "/api/credit/items", new { companyId = 0, source = "Award", date = Today, points = 5 }, "Required", "reason" },
        { "/api/credit/items", new { companyId = 9999, source = "Award", date = Today, points = 5, reason = "x" }, "UnknownReference", "companyId" },
        { "/api/credit/inspections", new { companyId = 0, year = 2026, month = 11, score = 101 }, "InspectionScoreOutOfRange", "score" },
        { "/api/credit/inspections", new { companyId = 0, year = 2026, month = 13, score = 80 }, "MonthOutOfRange", "month" },
        { "/api/credit/publications", new { year = Today.Year, month = Today.Month }, "MonthNotOver", "month" },
        { "/api/credit/automatic", new { year = Today.Year }, "Required", "month" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task InvalidInput_Is422_WithItsCodeAndField(string path, object body, string code, string field)
    {
        var json = JsonSerializer.SerializeToNode(body)!.AsObject();
        if (json["companyId"]?.GetValue<int>() == 0) json["companyId"] = app.OwnCompany.Value;

        var response = await app.Dispatcher.PostAsJsonAsync(path, json);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData(6, null, "StarsOutOfRange")]
    [InlineData(0, null, "StarsOutOfRange")]
    [InlineData(3, "Innovation", "DimensionMissing")]
    public async Task CommitteeStars_AreValidated(int stars, string? missing, string code)
    {
        var given = new Dictionary<string, int> { ["PartyLeadership"] = stars, ["Institutions"] = 3, ["Effectiveness"] = 3, ["SocialEvaluation"] = 3, ["Innovation"] = 3 };
        if (missing is not null) given.Remove(missing);

        var response = await app.Dispatcher.PostAsJsonAsync("/api/credit/committees", new { courtyardId = 2, year = 2025, stars = given });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, code);
    }

    [Fact]
    public async Task ACommittee_IsRatedOnFiveDimensions_OnceAYear()
    {
        var stars = new { PartyLeadership = 5, Institutions = 4, Effectiveness = 4, SocialEvaluation = 3, Innovation = 4 };

        var rated = await app.Leader.PostAsJsonAsync("/api/credit/committees", new { courtyardId = 3, year = 2026, stars });
        var again = await app.Leader.PostAsJsonAsync("/api/credit/committees", new { courtyardId = 3, year = 2026, stars });

        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(4.0m, (await rated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("overall").GetDecimal());
        await AssertProblemAsync(again, HttpStatusCode.UnprocessableEntity, "CommitteeAlreadyRated");
        var list = await app.Property.GetFromJsonAsync<JsonElement>("/api/credit/committees?year=2026");
        Assert.Equal(5, list.EnumerateArray().Single(r => r.GetProperty("courtyardId").GetInt32() == 3).GetProperty("stars").GetProperty("PartyLeadership").GetInt32());
    }

    [Fact]
    public async Task APublishedList_IsReadByAnyone_AndAMonthIsPublishedOnce()
    {
        var lastMonth = Today.AddMonths(-1);
        var month = new { year = lastMonth.Year, month = lastMonth.Month };
        var key = $"{lastMonth.Year:D4}-{lastMonth.Month:D2}";

        var published = await app.Leader.PostAsJsonAsync("/api/credit/publications", month);
        var again = await app.Leader.PostAsJsonAsync("/api/credit/publications", month);

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.UnprocessableEntity, "AlreadyPublished");
        using var anonymous = app.Factory.CreateClient();
        var list = await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/credit/{key}");
        Assert.Equal(app.Directory.Units.Count(u => u.Kind == UnitKind.PropertyCompany), list.GetProperty("rows").GetArrayLength());
        Assert.Contains(key, (await anonymous.GetFromJsonAsync<string[]>("/api/public/credit/"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/public/credit/1999-01")).StatusCode);
        var page = await anonymous.GetStringAsync("/credit/published");
        Assert.Contains($"data-month=\"{key}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bands_AreSavedAsRevisions_AndAStaleOrBadSaveChangesNothing()
    {
        var nextMonth = Today.AddMonths(1);
        var bands = new { aaa = 96, aa = 90, a = 78, b = 60, fromYear = nextMonth.Year, fromMonth = nextMonth.Month, expectedRevision = 0 };

        var saved = await app.Leader.PutAsJsonAsync("/api/credit/bands", bands);
        var stale = await app.Leader.PutAsJsonAsync("/api/credit/bands", bands);
        var disordered = await app.Leader.PutAsJsonAsync("/api/credit/bands", bands with { aa = 97, expectedRevision = 1 });
        var byCompany = await app.Property.PutAsJsonAsync("/api/credit/bands", bands with { expectedRevision = 1 });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(78, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("a").GetInt32());
        await AssertProblemAsync(stale, HttpStatusCode.Conflict, "Conflict");
        await AssertProblemAsync(disordered, HttpStatusCode.UnprocessableEntity, "CreditBandsOutOfOrder");
        Assert.Equal(HttpStatusCode.Forbidden, byCompany.StatusCode);
        var history = await app.Property.GetFromJsonAsync<JsonElement>("/api/credit/bands");
        Assert.Equal(1, history.GetProperty("latest").GetInt32());
        var revision = Assert.Single(history.GetProperty("revisions").EnumerateArray());
        Assert.Equal($"{nextMonth.Year:D4}-{nextMonth.Month:D2}", revision.GetProperty("from").GetString());
        Assert.Equal(75, history.GetProperty("defaults").GetProperty("a").GetInt32());
    }

    [Fact]
    public async Task Rules_AreSavedAsRevisions_AndANegativeEmptyOrStaleSaveChangesNothing()
    {
        var nextMonth = Today.AddMonths(2);
        var defaults = (await app.Property.GetFromJsonAsync<JsonElement>("/api/credit/rules")).GetProperty("defaults").GetProperty("rules");
        var rules = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(defaults.GetRawText())!
            .ToDictionary(p => p.Key, p => (int?)p.Value.GetInt32());
        Dictionary<string, int?> With(string field, int? value, int expected) =>
            new(rules) { [field] = value, ["fromYear"] = nextMonth.Year, ["fromMonth"] = nextMonth.Month, ["expectedRevision"] = expected };

        var saved = await app.Leader.PutAsJsonAsync("/api/credit/rules", With("overduePoints", 3, 0));
        var stale = await app.Leader.PutAsJsonAsync("/api/credit/rules", With("overduePoints", 4, 0));
        var negative = await app.Leader.PutAsJsonAsync("/api/credit/rules", With("validityMonths", -1, 1));
        var empty = await app.Leader.PutAsJsonAsync("/api/credit/rules", With("reworkPoints", null, 1));
        var byCompany = await app.Property.PutAsJsonAsync("/api/credit/rules", With("overduePoints", 4, 1));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(3, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rules").GetProperty("overduePoints").GetInt32());
        await AssertProblemAsync(stale, HttpStatusCode.Conflict, "Conflict");
        await AssertProblemAsync(negative, HttpStatusCode.UnprocessableEntity, "CreditRuleOutOfRange");
        await AssertProblemAsync(empty, HttpStatusCode.UnprocessableEntity, "Required");
        Assert.Equal(HttpStatusCode.Forbidden, byCompany.StatusCode);
        var history = await app.Property.GetFromJsonAsync<JsonElement>("/api/credit/rules");
        Assert.Equal(1, history.GetProperty("latest").GetInt32());
        Assert.Equal($"{nextMonth.Year:D4}-{nextMonth.Month:D2}", Assert.Single(history.GetProperty("revisions").EnumerateArray()).GetProperty("from").GetString());
        Assert.Equal((1, 12), (defaults.GetProperty("overduePoints").GetInt32(), defaults.GetProperty("validityMonths").GetInt32()));
    }

    [Fact]
    public async Task TheAutomaticRun_OfAMonth_AddsNothingTheSecondTime()
    {
        var lastMonth = Today.AddMonths(-2);
        var month = new { year = lastMonth.Year, month = lastMonth.Month };

        var first = await app.Dispatcher.PostAsJsonAsync("/api/credit/automatic", month);
        var second = await app.Dispatcher.PostAsJsonAsync("/api/credit/automatic", month);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(0, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task OpenApiDocument_HasTheCreditPaths()
    {
        var document = await app.Leader.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        foreach (var path in new[] { "/api/credit/companies", "/api/credit/companies/{unitId}", "/api/credit/items", "/api/credit/inspections",
            "/api/credit/companies/{unitId}/appeals", "/api/credit/companies/{unitId}/appeals/{appealId}/decision", "/api/credit/publications",
            "/api/credit/automatic", "/api/credit/bands", "/api/credit/rules", "/api/credit/committees", "/api/public/credit/{month}" })
            Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), path);
    }

    private async Task<long> AddAsync(UnitId company, string source, int points, string reason)
    {
        var response = await app.Dispatcher.PostAsJsonAsync("/api/credit/items", new { companyId = company.Value, source, date = Today, points, reason });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<JsonElement> CompanyRowAsync(HttpClient client, UnitId company) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/credit/companies")).EnumerateArray().Single(r => r.GetProperty("companyId").GetInt32() == company.Value);

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>The app with clients for the dispatcher, the street leader and the demo property staff member.</summary>
    public sealed class App : IAsyncLifetime
    {
        public CommandCenterFactory Factory { get; } = new() { DemoCases = 0 };
        public HttpClient Dispatcher { get; private set; } = null!;
        public HttpClient Leader { get; private set; } = null!;
        public HttpClient Property { get; private set; } = null!;
        public OrganisationDirectory Directory => Factory.Services.GetRequiredService<OrganisationDirectory>();
        public UnitId OwnCompany { get; private set; }
        public UnitId OtherCompany { get; private set; }

        public Task InitializeAsync()
        {
            (Dispatcher, Leader, Property) = (Factory.ClientAs("dispatcher"), Factory.ClientAs("leader"), Factory.ClientAs("property"));
            OwnCompany = DemoAccounts.StaffOf("property", Directory.Staff)!.UnitId!.Value;
            OtherCompany = Directory.Units.First(u => u.Kind == UnitKind.PropertyCompany && u.Id != OwnCompany).Id;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
