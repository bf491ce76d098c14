using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Assessment;
using CommandCenter.Web.Components;
using CommandCenter.Web.Tests.Support;

namespace CommandCenter.Web.Tests.Assessment;

/// <summary>
/// A person's figures open to the cases behind them: over the demo history (real staff acting), every
/// figure of every person lists exactly as many lines as it counts.
/// </summary>
public sealed class PersonDrillDownTests(DemoHistoryApp app) : IClassFixture<DemoHistoryApp>
{
    /// <summary>The history up to the end of yesterday (China time), so the counts stay still while the tests run.</summary>
    private static readonly string Period = string.Create(CultureInfo.InvariantCulture,
        $"period=custom&from={ChinaTimeText.ToLocal(DateTime.UtcNow).Date.AddDays(-31):yyyy-MM-dd}&to={ChinaTimeText.ToLocal(DateTime.UtcNow).Date.AddDays(-1):yyyy-MM-dd}");

    private static readonly string[] Acts = [.. Enum.GetNames<PersonAct>()];
    /// <summary>The acts the demo history always has; the rest (改派, a refused report…) may be zero in a small history.</summary>
    private static readonly string[] Always = ["Accepted", "Dispatched", "Signed", "ReportedDone", "Returned", "DispatchedOnTime"];

    [Fact]
    public async Task EveryFigureOfEveryPerson_ListsAsManyCasesAsItCounts()
    {
        var leader = app.Factory.ClientAs("leader");
        var persons = await leader.GetFromJsonAsync<JsonElement>($"/api/assessment/persons?{Period}");
        var nonZero = new HashSet<string>();
        foreach (var person in persons.EnumerateArray())
        {
            foreach (var act in Acts)
            {
                var expected = person.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(act)).GetInt32();
                var page = await leader.GetFromJsonAsync<JsonElement>(
                    $"/api/assessment/persons/{person.GetProperty("staffId").GetInt32()}/cases?{Period}&act={act}&pageSize=500");
                Assert.Equal(expected, page.GetProperty("total").GetInt32());
                Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
                if (expected > 0) nonZero.Add(act);
            }
        }
        // The demo history has every kind of act, so no figure was checked only at zero.
        Assert.Subset(nonZero, Always.ToHashSet());
    }

    [Fact]
    public async Task WithoutAnAct_Is422_NamingTheField()
    {
        var leader = app.Factory.ClientAs("leader");
        var response = await leader.GetAsync($"/api/assessment/persons/1/cases?{Period}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("act", (await ApiClient.ProblemAsync(response)).GetProperty("field").GetString());
    }
}
