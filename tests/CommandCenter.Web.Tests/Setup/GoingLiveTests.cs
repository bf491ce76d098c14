using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static CommandCenter.Web.Tests.Support.FormSignIn;

namespace CommandCenter.Web.Tests.Setup;

/// <summary>
/// The street going live end to end, as issue 16 asks: Production on an empty SQLite file without demo data, the setup
/// code from the log, the first administrator and the street, the roster imported from .xlsx (with its mistakes found
/// first), the demo accounts refused, and a dispatcher from that roster who sets their own password and takes a case to closed through the API.
/// </summary>
public sealed partial class FirstStartTests
{
    private const string Company = "重庆市乐居物业服务有限公司";

    [Fact]
    public async Task GoingLive_FromTheSetupCode_ThroughTheRosterImport_ToAnImportedDispatcherClosingACase()
    {
        using var admin = Browser(_factory);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/setup", Request(SetupCode()))).StatusCode);
        Assert.Equal("/", await SignInAsync(admin, "wangfang", Password));
        var community = await IdOf(await admin.PostAsJsonAsync("/api/admin/places/communities", new { name = "寸滩社区" }));
        await IdOf(await admin.PostAsJsonAsync("/api/admin/places/grids", new { name = "第一网格", communityId = community }));
        // The street starts from the standard taxonomy: every group and item, the one reported below among them.
        var categories = await admin.GetFromJsonAsync<JsonElement>("/api/admin/categories/");
        Assert.Equal(StandardTaxonomy.Categories().Select(c => c.Code).Order(), categories.EnumerateArray().Select(c => c.GetProperty("code").GetString()).Order());
        Assert.Contains(categories.EnumerateArray(), c => c.GetProperty("code").GetString() == "0101" && c.GetProperty("name").GetString() == "暴露垃圾");

        var template = await admin.GetAsync("/api/admin/import/staff/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var templateRows = MiniExcel.Query(new MemoryStream(await template.Content.ReadAsByteArrayAsync()), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["姓名", "电话", "岗位", "单位", "社区", "网格", "院落", "在岗", "账号", "街道"], templateRows.Single().Keys);

        await ImportAsync(admin, "units", Sheet(new Dictionary<string, object?> { ["名称"] = Company, ["类型"] = "物业公司", ["社区"] = null }));
        await ImportAsync(admin, "courtyards", Sheet(new Dictionary<string, object?>
        {
            ["社区"] = "寸滩社区", ["网格"] = "第一网格", ["院落"] = "乐居小区", ["类型"] = "商品房小区", ["户数"] = 320, ["纬度"] = 29.58, ["经度"] = 106.59, ["楼栋"] = "1号楼、2号楼",
        }));
        var directory = _factory.Services.GetRequiredService<OrganisationDirectory>();
        var courtyard = directory.Courtyards.Single(c => c.Name == "乐居小区").Id;
        var company = directory.Units.Single(u => u.Name == Company).Id;
        var today = ChinaTime.LocalDate(DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/admin/courtyards/{courtyard}/service", new { unitId = company, from = today })).StatusCode);

        // The roster as a street first writes it: a user name in Chinese, a post nobody has, the same phone twice.
        var mistaken = Sheet(
            Person("李娜", "13912345678", "调度员", null, "李娜"),
            Person("周杰", "13912345679", "物业经理", Company, "zhoujie"),
            Person("周杰杰", "13912345679", "物业人员", Company, null));
        var preview = await (await Upload(admin, "/api/admin/import/staff/preview", mistaken)).Content.ReadFromJsonAsync<JsonElement>();
        var refused = await Upload(admin, "/api/admin/import/staff", mistaken);
        Assert.Equal(
            [(2, "InvalidUserName", "账号"), (3, "ImportUnknownRole", "岗位"), (4, "ImportPhoneTwice", "电话")],
            preview.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("problem").GetString()!, r.GetProperty("column").GetString()!)));
        Assert.All(preview.GetProperty("rows").EnumerateArray(), r => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r.GetProperty("text").GetString()!));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "ImportNotClean"), (refused.StatusCode, await CodeOf(refused)));
        Assert.DoesNotContain(directory.Staff, s => s.Name == "李娜");

        var imported = await ImportAsync(admin, "staff", Sheet(
            Person("李娜", "13912345678", "调度员", null, "lina"),
            Person("周杰", "13912345679", "物业人员", Company, "zhoujie")));
        var passwords = imported.GetProperty("signIns").EnumerateArray().ToDictionary(s => s.GetProperty("userName").GetString()!, s => s.GetProperty("temporaryPassword").GetString()!);
        var audit = await _factory.Services.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery { Actor = "王芳" });
        Assert.Equal(3, audit.Items.Count(e => e.Action == AuditActions.RosterImported));

        using var dispatcher = Browser(_factory);
        using var property = Browser(_factory);
        // The demo street's sign-ins are not this street's.
        Assert.StartsWith("/account/login?error=", await SignInAsync(dispatcher, "dispatcher", DemoAccounts.Password));
        await SignInAsync(dispatcher, "lina", passwords["lina"]);
        var held = await dispatcher.GetAsync("/api/cases/");
        Assert.Equal((HttpStatusCode.Forbidden, "PasswordChangeRequired"), (held.StatusCode, await CodeOf(held)));
        await SetOwnPasswordAsync(dispatcher, passwords["lina"], "Dispatch-2026");
        await SignInAsync(property, "zhoujie", passwords["zhoujie"]);
        await SetOwnPasswordAsync(property, passwords["zhoujie"], "Property-2026");

        var reported = await dispatcher.PostAsJsonAsync("/api/cases", new
        {
            channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = courtyard.Value,
            description = "1号楼下有暴露垃圾，已经两天没人清运", reporterName = "陈女士", reporterPhone = "13812340000",
        }, ApiClient.Json);
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var id = (await reported.Content.ReadFromJsonAsync<CaseDetail>(ApiClient.Json))!.Id;
        await CommandAsync(dispatcher, id, "accept");
        await CommandAsync(dispatcher, id, "dispatch", new { unitId = company });
        await CommandAsync(property, id, "sign");
        await CommandAsync(property, id, "done", new { result = "垃圾已清运" });
        await CommandAsync(dispatcher, id, "verify", new { passed = true });
        var closed = await CommandAsync(dispatcher, id, "rate", new { rating = "Satisfied" });

        Assert.Equal((CaseState.Closed, company), (closed.State, closed.Handling.CurrentUnitId));
    }

    private static async Task SetOwnPasswordAsync(HttpClient browser, string oneTime, string own) =>
        Assert.Equal(HttpStatusCode.NoContent,
            (await browser.PostAsJsonAsync("/api/account/password", new { currentPassword = oneTime, newPassword = own })).StatusCode);

    private static async Task<CaseDetail> CommandAsync(HttpClient browser, Guid id, string command, object? body = null)
    {
        var response = await browser.PostAsJsonAsync($"/api/cases/{id}/{command}", body ?? new { }, ApiClient.Json);
        Assert.True(response.IsSuccessStatusCode, $"{command}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CaseDetail>(ApiClient.Json))!;
    }

    private static async Task<JsonElement> ImportAsync(HttpClient admin, string sheet, byte[] file)
    {
        var preview = await (await Upload(admin, $"/api/admin/import/{sheet}/preview", file)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, preview.GetProperty("invalid").GetInt32());
        var accepted = await Upload(admin, $"/api/admin/import/{sheet}", file);
        Assert.True(accepted.IsSuccessStatusCode, $"{sheet}: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        return await accepted.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> Upload(HttpClient admin, string path, byte[] file) =>
        admin.PostAsync(path, new MultipartFormDataContent { { new ByteArrayContent(file), "file", "花名册.xlsx" } });

    private static async Task<int> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static Dictionary<string, object?> Person(string name, string phone, string post, string? unit, string? userName) => new()
    {
        ["姓名"] = name, ["电话"] = phone, ["岗位"] = post, ["单位"] = unit, ["社区"] = null, ["网格"] = null, ["在岗"] = "是", ["账号"] = userName,
    };

    private static byte[] Sheet(params Dictionary<string, object?>[] rows)
    {
        var file = new MemoryStream();
        MiniExcel.SaveAs(file, rows);
        return file.ToArray();
    }
}
