using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Assessment;

/// <summary>
/// A district post's scores for one street are that street's 红黑榜 (docs/decisions/0017), on the November of
/// <see cref="ScoringApiTests"/>: the company's one case (96.00) lies in the first street, so district-wide and in the
/// first street it scores 96.00, and in the second street nothing is scored — as the second street's published roll.
/// </summary>
public sealed class StreetScoresTests(ScoringApiTests.App app) : IClassFixture<ScoringApiTests.App>
{
    private const string Scores = "/api/assessment/scores?period=month&year=2026&month=11&kind=PropertyCompany";

    [Fact]
    public async Task AStreetsScores_AreTheRowsOfItsPublishedRoll()
    {
        var (streetB, _) = await TestStreets.SecondStreetAsync(app.Services, app.Admin);
        var streetA = app.Services.GetRequiredService<OrganisationDirectory>().Streets.Single(s => s.Id != streetB).Id;
        foreach (var street in new[] { streetA, streetB })
            Assert.Equal(HttpStatusCode.Created, (await app.Leader.PostAsync($"/api/assessment/honour-roll/publish?year=2026&month=11&street={street.Value}", null)).StatusCode);

        var districtWide = await ScoredAsync(Scores);
        var ofA = await ScoredAsync($"{Scores}&street={streetA.Value}");
        var ofB = await ScoredAsync($"{Scores}&street={streetB.Value}");

        Assert.Equal([(app.Company.Id.Value, 96.00m)], districtWide);
        Assert.Equal([(app.Company.Id.Value, 96.00m)], ofA);
        Assert.Empty(ofB);
        Assert.NotEqual(districtWide, ofB);
        Assert.Equal(await RollAsync(streetA.Value), ofA);
        Assert.Equal(await RollAsync(streetB.Value), ofB);

        var unknown = await app.Leader.GetAsync($"{Scores}&street=999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("UnknownStreet", (await ApiClient.ProblemAsync(unknown)).GetProperty("code").GetString());
    }

    /// <summary>The scored rows (unit, score), unscored units left out as the roll leaves them out.</summary>
    private async Task<List<(int Unit, decimal Score)>> ScoredAsync(string path)
    {
        var scores = await app.Leader.GetFromJsonAsync<JsonElement>(path);
        return [.. scores.GetProperty("units").EnumerateArray()
            .Where(u => u.GetProperty("score").ValueKind == JsonValueKind.Number)
            .Select(u => (u.GetProperty("unitId").GetInt32(), u.GetProperty("score").GetDecimal()))];
    }

    private async Task<List<(int Unit, decimal Score)>> RollAsync(int street)
    {
        var roll = await app.Leader.GetFromJsonAsync<JsonElement>($"/api/assessment/honour-roll?year=2026&month=11&street={street}");
        return [.. roll.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "PropertyCompany")
            .Select(e => (e.GetProperty("unitId").GetInt32(), e.GetProperty("score").GetDecimal()))];
    }
}
