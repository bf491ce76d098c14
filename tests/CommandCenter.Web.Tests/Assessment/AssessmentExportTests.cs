using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bunit;
using CommandCenter.Web.Components.Pages.Assessment;
using CommandCenter.Web.Tests.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CommandCenter.Web.Tests.Assessment;

/// <summary>
/// The downloads, the drill-down, the 默认满意 setting and the printed report, over the same month as the
/// API tests (its own copy of the app: the setting test adds a case and changes the setting).
/// </summary>
public sealed class AssessmentExportTests : AdminTest, IClassFixture<AssessmentApiTests.App>
{
    private const string November = "period=month&year=2026&month=11";
    private readonly AssessmentApiTests.App _app;

    public AssessmentExportTests(AssessmentApiTests.App app) : base(app.Services)
    {
        _app = app;
    }

    [Fact]
    public async Task UnitsXlsx_OpensAsAWorkbook_WithTheApisRows()
    {
        var api = await _app.Leader.GetFromJsonAsync<JsonElement>($"/api/assessment/units?{November}&kind=PropertyCompany");
        var response = await _app.Leader.GetAsync($"/api/assessment/units.xlsx?{November}&kind=PropertyCompany");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: false)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        var units = api.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(units.Count + 1, rows.Count); // the header, then one row per unit
        Assert.Equal("单位", rows[0][0]);
        Assert.Equal("结案率 (%)", rows[0][4]);
        foreach (var (unit, row) in units.Zip(rows.Skip(1)))
        {
            var counts = unit.GetProperty("indicators").GetProperty("counts");
            Assert.Equal(unit.GetProperty("name").GetString(), row[0]);
            Assert.Equal([counts.GetProperty("registered").GetInt32(), counts.GetProperty("due").GetInt32(), counts.GetProperty("closed").GetInt32()],
                row.Skip(1).Take(3).Select(Convert.ToInt32));
            var closure = unit.GetProperty("indicators").GetProperty("rates").GetProperty("closure");
            decimal? expected = closure.ValueKind == JsonValueKind.Null ? null : closure.GetProperty("percent").GetDecimal();
            decimal? actual = row[4] is null ? null : Convert.ToDecimal(row[4], global::System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task PersonsXlsx_OpensAsAWorkbook_WithTheApisRowsInOrder()
    {
        var api = await _app.Leader.GetFromJsonAsync<JsonElement>($"/api/assessment/persons/scores?{November}&kind=Dispatcher");
        var response = await _app.Leader.GetAsync($"/api/assessment/persons/scores.xlsx?{November}&kind=Dispatcher");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: false)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        var people = api.GetProperty("people").EnumerateArray().ToList();
        Assert.Equal(people.Count + 1, rows.Count);
        Assert.Equal(["名次", "人员", "综合指标值", "等级", "受理", "派遣"], rows[0].Take(6).Select(v => Convert.ToString(v)));
        foreach (var (person, row) in people.Zip(rows.Skip(1)))
        {
            Assert.Equal(person.GetProperty("name").GetString(), row[1]);
            Assert.Equal(person.GetProperty("figures").GetProperty("Dispatched").GetInt32(), Convert.ToInt32(row[5]));
            decimal? score = person.GetProperty("score").ValueKind == JsonValueKind.Null ? null : person.GetProperty("score").GetDecimal();
            Assert.Equal(score, row[2] is null ? null : Convert.ToDecimal(row[2], global::System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task UnitsCsv_HasTheBom_TheHeader_AndTheCompanysRow()
    {
        var bytes = await _app.Leader.GetByteArrayAsync($"/api/assessment/units.csv?{November}&kind=PropertyCompany");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("单位,立案数,应结案数,结案数,结案率 (%),", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{_app.Company.Name},3,4,3,75.00,3,75.00,", StringComparison.Ordinal));
        Assert.Equal(_app.Directory.Units.Count(u => u.Kind == Domain.Organisation.UnitKind.PropertyCompany) + 1, lines.Length);
    }

    [Fact]
    public async Task CasesExport_HasTheQueuesRows_InBothFormats()
    {
        var queue = await _app.Leader.GetFromJsonAsync<JsonElement>("/api/cases?state=Closed&pageSize=200");
        var numbers = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ToList();

        var xlsx = await _app.Leader.GetByteArrayAsync("/api/exports/cases.xlsx?state=Closed");
        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var csv = Encoding.UTF8.GetString(await _app.Leader.GetByteArrayAsync("/api/exports/cases.csv?state=Closed"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.NotEmpty(numbers);
        Assert.Equal(numbers, rows.Select(r => r["案件编号"] as string));
        Assert.Equal(numbers, csv.Skip(1).Select(l => l.Split(',')[0]));
    }

    /// <summary>
    /// Every case, exported with a sort of the caller's, holds the rows the queue shows page after page, cell by cell
    /// and in the same order: the export streams from the database, so a row lost or doubled on the way would show.
    /// </summary>
    [Fact]
    public async Task CasesExport_StreamsEveryRowOfTheQueuesPages_CellByCell()
    {
        const string filters = "sort=Number&descending=false";
        var pages = new List<JsonElement>();
        for (var page = 0; ; page++)
        {
            var items = (await _app.Leader.GetFromJsonAsync<JsonElement>($"/api/cases?{filters}&pageSize=2&page={page}")).GetProperty("items");
            if (items.GetArrayLength() == 0) break;
            pages.AddRange(items.EnumerateArray());
        }
        var expected = pages.Select(i => new string?[]
        {
            i.GetProperty("number").GetString(), i.GetProperty("communityName").GetString(), i.GetProperty("unitName").GetString(),
            i.GetProperty("description").GetString(),
            Domain.Common.ChinaTime.ToLocal(i.GetProperty("reportedAtUtc").GetDateTime()).ToString("yyyy-MM-dd HH:mm", global::System.Globalization.CultureInfo.InvariantCulture),
            i.GetProperty("reworkCount").GetInt32().ToString(global::System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();

        var xlsx = MiniExcel.Query(new MemoryStream(await _app.Leader.GetByteArrayAsync($"/api/exports/cases.xlsx?{filters}")), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>()
            .Select(r => new[] { "案件编号", "社区", "承办单位", "问题描述", "上报时间", "返工次数" }.Select(c => (string?)Convert.ToString(r[c], global::System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        var csv = Encoding.UTF8.GetString(await _app.Leader.GetByteArrayAsync($"/api/exports/cases.csv?{filters}"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).Select(c => new string?[] { c[0], c[5], c[7], c[8], c[9], c[12] }).ToList();

        Assert.True(expected.Count >= 3, "the month's cases, more than one page");
        Assert.Equal(expected, xlsx);
        Assert.Equal(expected, csv);
    }

    [Fact]
    public async Task DrillDown_ListsAsManyCasesAsEachFigure()
    {
        var area = await _app.Leader.GetFromJsonAsync<JsonElement>($"/api/assessment/area?{November}");
        var counts = area.GetProperty("indicators").GetProperty("counts");

        foreach (var indicator in new[] { "Registered", "Due", "Closed", "ClosedOnTime", "Reworked", "Satisfied", "Unsatisfied", "OverdueOpen", "Dispatched", "Resolved" })
        {
            var page = await _app.Leader.GetFromJsonAsync<JsonElement>($"/api/assessment/cases?{November}&indicator={indicator}");
            var expected = counts.GetProperty(JsonNamingPolicy.CamelCase.ConvertName(indicator)).GetInt32();
            Assert.Equal(expected, page.GetProperty("total").GetInt32());
            Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
        }
        var unit = await _app.Leader.GetFromJsonAsync<JsonElement>($"/api/assessment/cases?{November}&indicator=Due&unitId={_app.Company.Id}");
        Assert.Equal(4, unit.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _app.Leader.GetAsync($"/api/assessment/cases?{November}")).StatusCode);
    }

    [Fact]
    public async Task DefaultSatisfiedSetting_FlipsTheSatisfactionRate_AndOnlyAnAdministratorSetsIt()
    {
        await _app.AutoClosedAsync();
        const string period = "period=custom&from=2026-11-01&to=2026-12-31";
        async Task<decimal> SatisfactionAsync() => (await _app.Leader.GetFromJsonAsync<JsonElement>($"/api/assessment/area?{period}"))
            .GetProperty("indicators").GetProperty("rates").GetProperty("satisfaction").GetProperty("percent").GetDecimal();

        Assert.Equal(66.67m, await SatisfactionAsync()); // 满意 2 of 3 ratings; the 默认满意 apart
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Leader.PutAsJsonAsync("/api/assessment/settings", new { defaultSatisfiedCounts = true })).StatusCode);
        try
        {
            (await _app.Admin.PutAsJsonAsync("/api/assessment/settings", new { defaultSatisfiedCounts = true })).EnsureSuccessStatusCode();

            Assert.Equal(75.00m, await SatisfactionAsync()); // (2 + 1) ÷ (3 + 1)
            Assert.True((await _app.Leader.GetFromJsonAsync<JsonElement>("/api/assessment/settings")).GetProperty("defaultSatisfiedCounts").GetBoolean());
        }
        finally
        {
            (await _app.Admin.PutAsJsonAsync("/api/assessment/settings", new { defaultSatisfiedCounts = false })).EnsureSuccessStatusCode();
        }
        Assert.Equal(66.67m, await SatisfactionAsync());
    }

    [Fact]
    public void MonthlyReport_RendersTheMonth_InChinese_ForA4()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/assessment/report?year=2026&month=11");

        var report = RenderPage<AssessmentReport>();

        report.WaitForAssertion(() => Assert.Contains("2026年11月 一网评效考核报告", report.Find("h1").TextContent));
        Assert.Contains("@page { size: A4", report.Markup);
        var company = report.Find($"[data-unit='{_app.Company.Id}']").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([_app.Company.Name, "3", "4", "3", "75.00 %"], company.Take(5));
        Assert.NotEmpty(report.FindAll("[data-table=areas] tbody tr"));
    }

    /// <summary>
    /// The month's dispatcher on the printed report, by the dispatchers' default scheme worked by hand: three dispatches
    /// score 60 (bands 60 from 1) × 20 % = 12, all three on time 100 × 40 % = 40, none returned (1 − 0) × 40 % = 40; 92.00, A.
    /// </summary>
    [Fact]
    public void MonthlyReport_RanksTheMonthsDispatchers_ByTheirScheme()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/assessment/report?year=2026&month=11");

        var report = RenderPage<AssessmentReport>();

        report.WaitForAssertion(() => Assert.NotEmpty(report.FindAll("[data-table=persons-Dispatcher] tbody tr")));
        var dispatcher = report.Find($"[data-table=persons-Dispatcher] [data-person='{_app.Dispatcher.Id}']").QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([_app.Dispatcher.Name, "1", "92.00", "A", "3", "3", "3", "0", "0"], dispatcher.Take(9));
        Assert.Contains(report.FindAll("h2"), h => h.TextContent.Trim() == "人员 · 派遣员");
    }
}
