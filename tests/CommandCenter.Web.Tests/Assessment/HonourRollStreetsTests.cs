using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Assessment;

/// <summary>
/// Two streets each publish their own November 红黑榜 (docs/decisions/0017), on the November of <see cref="ScoringApiTests"/>:
/// the company's one case (96.00, red) lies in the first street, so only that street's list names it; the public page
/// offers both streets and shows the one chosen.
/// </summary>
public sealed class HonourRollStreetsTests(ScoringApiTests.App app) : IClassFixture<ScoringApiTests.App>
{
    [Fact]
    public async Task EachStreetsRoll_IsPublishedAndShownForThatStreet()
    {
        var (streetB, _) = await TestStreets.SecondStreetAsync(app.Services, app.Admin);
        var directory = app.Services.GetRequiredService<OrganisationDirectory>();
        var streetA = directory.Streets.Single(s => s.Id != streetB).Id;

        var unnamed = await app.Leader.PostAsync("/api/assessment/honour-roll/publish?year=2026&month=11", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unnamed.StatusCode);
        Assert.Equal("HonourRollStreet", (await ApiClient.ProblemAsync(unnamed)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, (await app.Leader.PostAsync($"/api/assessment/honour-roll/publish?year=2026&month=11&street={streetA.Value}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.Leader.PostAsync($"/api/assessment/honour-roll/publish?year=2026&month=11&street={streetB.Value}", null)).StatusCode);
        var unknownStreet = await app.Leader.PostAsync("/api/assessment/honour-roll/publish?year=2026&month=11&street=999", null);
        Assert.Equal(HttpStatusCode.NotFound, unknownStreet.StatusCode);
        Assert.Equal("UnknownStreet", (await ApiClient.ProblemAsync(unknownStreet)).GetProperty("code").GetString());
        var unknownRead = await app.Leader.GetAsync("/api/assessment/honour-roll?year=2026&month=11&street=999");
        Assert.Equal(HttpStatusCode.NotFound, unknownRead.StatusCode);
        Assert.Equal("UnknownStreet", (await ApiClient.ProblemAsync(unknownRead)).GetProperty("code").GetString());

        var rollOfA = await app.Leader.GetFromJsonAsync<JsonElement>($"/api/assessment/honour-roll?year=2026&month=11&street={streetA.Value}");
        var rollOfB = await app.Leader.GetFromJsonAsync<JsonElement>($"/api/assessment/honour-roll?year=2026&month=11&street={streetB.Value}");
        var entry = Assert.Single(rollOfA.GetProperty("entries").EnumerateArray());
        Assert.Equal((app.Company.Id.Value, "Red", 96.00m), (entry.GetProperty("unitId").GetInt32(), entry.GetProperty("list").GetString(), entry.GetProperty("score").GetDecimal()));
        Assert.Equal(streetB.Value, rollOfB.GetProperty("streetId").GetInt32());
        Assert.Empty(rollOfB.GetProperty("entries").EnumerateArray());

        var chooser = WebUtility.HtmlDecode(await app.Anonymous.GetStringAsync("/public/honour-roll"));
        Assert.Contains($"data-street=\"{streetA.Value}\"", chooser);
        Assert.Contains($"data-street=\"{streetB.Value}\"", chooser);
        Assert.Contains("data-honour-roll=\"choose\"", chooser);
        var pageOfA = WebUtility.HtmlDecode(await app.Anonymous.GetStringAsync($"/public/honour-roll?street={streetA.Value}"));
        Assert.Contains("2026年11月红黑榜", pageOfA);
        Assert.Contains(app.Company.Name, pageOfA);
        var pageOfB = WebUtility.HtmlDecode(await app.Anonymous.GetStringAsync($"/public/honour-roll?street={streetB.Value}"));
        Assert.Contains($"data-honour-street=\"{streetB.Value}\"", pageOfB);
        Assert.DoesNotContain(app.Company.Name, pageOfB);
        var unknown = await app.Anonymous.GetAsync("/public/honour-roll?street=999");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("data-honour-roll=\"choose\"", await unknown.Content.ReadAsStringAsync());
    }
}
