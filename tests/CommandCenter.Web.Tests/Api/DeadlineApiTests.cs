using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Policies;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Api;

public sealed class DeadlineApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private ApiClient Api => app.Api;

    [Fact]
    public async Task NewPolicy_AppliesToTheNextDispatch_WhileEarlierDeadlinesStay()
    {
        var earlier = await DispatchedCaseAsync("0201");
        var created = await Api.Http.PostAsJsonAsync("/api/policies", new
        {
            categoryCode = "02", urgency = (string?)null, level = "Courtyard",
            signForMinutes = 7, handlingMinutes = 90, warningShare = 0.5, basis = "Calendar",
        }, ApiClient.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var policy = await created.Content.ReadFromJsonAsync<JsonElement>();

        var later = await DispatchedCaseAsync("0201");

        Assert.Equal(TimeSpan.FromMinutes(7), later.Deadlines.SignDeadlineUtc - later.Deadlines.DispatchedAtUtc);
        Assert.Equal(TimeSpan.FromMinutes(30), earlier.Deadlines.SignDeadlineUtc - earlier.Deadlines.DispatchedAtUtc);
        Assert.Equal(earlier.Deadlines.SignDeadlineUtc, (await Api.GetAsync(earlier.Id)).Deadlines.SignDeadlineUtc);
        Assert.Equal(1, policy.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task PolicyUpdate_WithAStaleRevision_Is409_AndInvalidLimitsAre422()
    {
        var created = await Api.Http.PostAsJsonAsync("/api/policies", new
        {
            categoryCode = "03", level = "Community", signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Working",
        }, ApiClient.Json);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var updated = await Api.Http.PutAsJsonAsync($"/api/policies/{id}", new { signForMinutes = 15, handlingMinutes = 600, warningShare = 0.75, basis = "Working", expectedRevision = 1 }, ApiClient.Json);
        var stale = await Api.Http.PutAsJsonAsync($"/api/policies/{id}", new { signForMinutes = 10, handlingMinutes = 600, warningShare = 0.75, basis = "Working", expectedRevision = 1 }, ApiClient.Json);
        var invalid = await Api.Http.PutAsJsonAsync($"/api/policies/{id}", new { signForMinutes = 700, handlingMinutes = 600, warningShare = 0.75, basis = "Working", expectedRevision = 2 }, ApiClient.Json);
        var missing = await Api.Http.PutAsJsonAsync("/api/policies/99999", new { signForMinutes = 1, handlingMinutes = 2, warningShare = 0.5, basis = "Calendar", expectedRevision = 1 }, ApiClient.Json);

        Assert.Equal(2, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("signFor", (await ApiClient.ProblemAsync(invalid)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var stored = (await Api.GetAsync<JsonElement[]>("/api/policies")).Single(p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal(15, stored.GetProperty("signForMinutes").GetDouble());
    }

    [Fact]
    public async Task PolicySignForLapse_RoundTrips_DefaultsOnCreate_AndIsKeptWhenAnUpdateLeavesItOut()
    {
        var chosen = await Api.Http.PostAsJsonAsync("/api/policies", new
        {
            categoryCode = "06", level = "Street", signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Calendar", signForLapse = "Escalate",
        }, ApiClient.Json);
        var defaulted = await Api.Http.PostAsJsonAsync("/api/policies", new
        {
            categoryCode = "07", level = "Street", signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Calendar",
        }, ApiClient.Json);
        var id = (await chosen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var defaultedId = (await defaulted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var createdLapse = await LapseAsync(id);

        var changed = await Api.Http.PutAsJsonAsync($"/api/policies/{id}", new { signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Calendar", expectedRevision = 1, signForLapse = "Remind" }, ApiClient.Json);
        var leftOut = await Api.Http.PutAsJsonAsync($"/api/policies/{id}", new { signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Calendar", expectedRevision = 2 }, ApiClient.Json);

        Assert.Equal(("Escalate", "ReturnToDispatch"), (createdLapse, await LapseAsync(defaultedId)));
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32());
        Assert.Equal(2, (await leftOut.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32());
        Assert.Equal("Remind", await LapseAsync(id));
    }

    [Fact]
    public async Task PolicyWithAnUndefinedSignForLapse_Is422UnknownValue_AndNothingChanges()
    {
        var created = await Api.Http.PostAsJsonAsync("/api/policies", new
        {
            categoryCode = "08", level = "Street", signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Calendar",
        }, ApiClient.Json);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var count = (await Api.GetAsync<JsonElement[]>("/api/policies")).Length;

        var create = await Api.Http.PostAsJsonAsync("/api/policies", new
        {
            categoryCode = "09", level = "Street", signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Calendar", signForLapse = 99,
        }, ApiClient.Json);
        var update = await Api.Http.PutAsJsonAsync($"/api/policies/{id}", new { signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Calendar", expectedRevision = 1, signForLapse = 99 }, ApiClient.Json);

        foreach (var response in new[] { create, update })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await ApiClient.ProblemAsync(response);
            Assert.Equal(("UnknownValue", "signForLapse"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        }
        var policies = await Api.GetAsync<JsonElement[]>("/api/policies");
        Assert.Equal(count, policies.Length);
        var stored = policies.Single(p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal(("ReturnToDispatch", 1), (stored.GetProperty("signForLapse").GetString(), stored.GetProperty("revision").GetInt32()));
    }

    [Fact]
    public async Task PolicyAutoSupervise_DefaultsOn_RoundTrips_AndIsKeptWhenAnUpdateLeavesItOut()
    {
        var created = await Api.Http.PostAsJsonAsync("/api/policies", new
        {
            categoryCode = "06", level = "District", signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Calendar",
        }, ApiClient.Json);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var createdSwitch = await AutoSuperviseAsync(id);

        var off = await Api.Http.PutAsJsonAsync($"/api/policies/{id}", new { signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Calendar", expectedRevision = 1, autoSuperviseOnOverdue = false }, ApiClient.Json);
        var leftOut = await Api.Http.PutAsJsonAsync($"/api/policies/{id}", new { signForMinutes = 20, handlingMinutes = 900, warningShare = 0.75, basis = "Calendar", expectedRevision = 2 }, ApiClient.Json);

        Assert.True(createdSwitch);
        Assert.Equal(2, (await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32());
        Assert.Equal(3, (await leftOut.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32());
        Assert.False(await AutoSuperviseAsync(id));
    }

    [Fact]
    public async Task PolicyPostponementLimits_DefaultToTwoAndOneHandlingLimit_RoundTrip_AndAreKeptWhenAnUpdateLeavesThemOut()
    {
        var created = await Api.Http.PostAsJsonAsync("/api/policies", new
        {
            categoryCode = "05", level = "District", signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Calendar",
        }, ApiClient.Json);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var defaults = await PostponementLimitsAsync(id);

        await Api.Http.PutAsJsonAsync($"/api/policies/{id}", new { signForMinutes = 20, handlingMinutes = 600, warningShare = 0.75, basis = "Calendar", expectedRevision = 1, maxPostponements = 1, longestExtensionMinutes = 300 }, ApiClient.Json);
        var changed = await PostponementLimitsAsync(id);
        await Api.Http.PutAsJsonAsync($"/api/policies/{id}", new { signForMinutes = 20, handlingMinutes = 900, warningShare = 0.75, basis = "Calendar", expectedRevision = 2 }, ApiClient.Json);
        var tooLong = await Api.Http.PutAsJsonAsync($"/api/policies/{id}", new { signForMinutes = 20, handlingMinutes = 900, warningShare = 0.75, basis = "Calendar", expectedRevision = 3, maxPostponements = 11 }, ApiClient.Json);

        Assert.Equal((2, 600.0), defaults);
        Assert.Equal((1, 300.0), changed);
        Assert.Equal((1, 300.0), await PostponementLimitsAsync(id));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal("MaxPostponementsOutOfRange", (await ApiClient.ProblemAsync(tooLong)).GetProperty("code").GetString());
    }

    private async Task<(int, double)> PostponementLimitsAsync(int id)
    {
        var policy = (await Api.GetAsync<JsonElement[]>("/api/policies")).Single(p => p.GetProperty("id").GetInt32() == id);
        return (policy.GetProperty("maxPostponements").GetInt32(), policy.GetProperty("longestExtensionMinutes").GetDouble());
    }

    private async Task<bool> AutoSuperviseAsync(int id) =>
        (await Api.GetAsync<JsonElement[]>("/api/policies")).Single(p => p.GetProperty("id").GetInt32() == id).GetProperty("autoSuperviseOnOverdue").GetBoolean();

    private async Task<string?> LapseAsync(int id) =>
        (await Api.GetAsync<JsonElement[]>("/api/policies")).Single(p => p.GetProperty("id").GetInt32() == id).GetProperty("signForLapse").GetString();

    [Fact]
    public async Task CalendarDays_ShipWith2026_AndCanBeSetAndRemoved()
    {
        var days = await Api.GetAsync<JsonElement[]>("/api/calendar/days");
        Assert.Contains(days, d => d.GetProperty("date").GetString() == "2026-10-01" && d.GetProperty("kind").GetString() == "Holiday");
        Assert.Contains(days, d => d.GetProperty("date").GetString() == "2026-10-10" && d.GetProperty("kind").GetString() == "MakeUpWorkingDay");

        var set = await Api.Http.PostAsJsonAsync("/api/calendar/days", new { date = "2026-12-31", kind = "Holiday", name = "街道调整" }, ApiClient.Json);
        var removed = await Api.Http.DeleteAsync("/api/calendar/days/2026-12-31");
        var again = await Api.Http.DeleteAsync("/api/calendar/days/2026-12-31");

        Assert.True(set.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task RoutingRule_IsCheckedAgainstTheLevel_ReplacedPerScope_AndRemovable()
    {
        var street = (await Api.GetAsync<JsonElement[]>("/api/reference/units?level=Street"))[0].GetProperty("id").GetInt32();
        var courtyardUnit = (await Api.GetAsync<JsonElement[]>("/api/reference/units?level=Courtyard&courtyardId=1"))[0].GetProperty("id").GetInt32();

        var wrongLevel = await Api.Http.PostAsJsonAsync("/api/routing", new { categoryCode = "0701", level = "Street", unitId = courtyardUnit, autoDispatch = true }, ApiClient.Json);
        var first = await Api.Http.PostAsJsonAsync("/api/routing", new { categoryCode = "0701", level = "Street", unitId = street, autoDispatch = true }, ApiClient.Json);
        var second = await Api.Http.PostAsJsonAsync("/api/routing", new { categoryCode = "0701", level = "Street", unitId = street, autoDispatch = false }, ApiClient.Json);
        var id = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var rules = await Api.GetAsync<JsonElement[]>("/api/routing");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongLevel.StatusCode);
        Assert.Equal("UnitNotAtLevel", (await ApiClient.ProblemAsync(wrongLevel)).GetProperty("code").GetString());
        Assert.True(first.IsSuccessStatusCode);
        var scoped = Assert.Single(rules, r => r.GetProperty("categoryCode").GetString() == "0701" && r.GetProperty("level").GetString() == "Street");
        Assert.False(scoped.GetProperty("autoDispatch").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await Api.Http.DeleteAsync($"/api/routing/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.DeleteAsync($"/api/routing/{id}")).StatusCode);
    }

    private async Task<Infrastructure.Cases.CaseDetail> DispatchedCaseAsync(string category)
    {
        var created = await Api.ReportAsync(new { channel = "Hotline", categoryCode = category, urgency = "Normal", courtyardId = 4, description = "路灯不亮" });
        await Api.CommandAsync(created.Id, "accept", new { level = "Courtyard" });
        var unit = (await Api.GetAsync<JsonElement[]>("/api/reference/units?level=Courtyard&courtyardId=4"))[0].GetProperty("id").GetInt32();
        return await Api.CommandAsync(created.Id, "dispatch", new { unitId = unit });
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("day before the first")]
    [InlineData("day after the last")]
    public async Task CalendarDayOutsideTheEditableYears_Is422_AndTheCalendarIsUnchanged(string date)
    {
        var today = ChinaTime.LocalDate(DateTime.UtcNow);
        var value = date switch
        {
            "day before the first" => CalendarDayRange.First(today).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "day after the last" => CalendarDayRange.Last(today).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => date,
        };
        var before = (await Api.GetAsync<JsonElement[]>("/api/calendar/days")).Length;

        var response = await Api.Http.PostAsJsonAsync("/api/calendar/days", new { date = value, kind = "Holiday", name = "错填的日期" }, ApiClient.Json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(("CalendarDayOutOfRange", "date"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equal(before, (await Api.GetAsync<JsonElement[]>("/api/calendar/days")).Length);
    }

    /// <summary>The rule tables' requests read their value fields like the case API: absent is refused by name, never defaulted.</summary>
    [Theory]
    [InlineData("/api/policies", """{"signForMinutes":30,"handlingMinutes":240,"warningShare":0.8,"basis":"Calendar"}""", "level")]
    [InlineData("/api/policies", """{"level":"Courtyard","signForMinutes":30,"warningShare":0.8,"basis":"Calendar"}""", "handlingMinutes")]
    [InlineData("/api/routing", """{"level":"Courtyard"}""", "autoDispatch")]
    [InlineData("/api/calendar/days", """{"kind":"Holiday","name":"元旦"}""", "date")]
    public async Task RuleWithAMissingValueField_Is422NamingIt(string route, string json, string field)
    {
        var response = await Api.Http.PostAsync(route, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(field, (await ApiClient.ProblemAsync(response)).GetProperty("field").GetString());
    }
}
