using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Imports;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api.Exports;
using CommandCenter.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// The street's roster (花名册) imported from spreadsheets, one sheet at a time (units, courtyards, staff): the template,
/// a preview that writes nothing, and the accepted import in one write — refused while any row has a problem.
/// </summary>
public static class RosterImportEndpoints
{
    /// <summary>A roster sheet of <see cref="RosterImport.MaxRows"/> rows is well under 2 MB; more is the wrong file (413).</summary>
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    public static IEndpointRouteBuilder MapRosterImportApi(this IEndpointRouteBuilder endpoints)
    {
        var imports = endpoints.MapGroup("/api/admin/import/{sheet}").WithTags("Organisation")
            .RequireAuthorization(Policies.AdministerOrganisation, Policies.AdministerPeople);
        imports.MapGet("/template.xlsx", (string sheet) =>
                ExportTable.Of(RosterImport.ColumnsOf(SheetOf(sheet)), [[.. RosterImport.ExampleOf(SheetOf(sheet))]]).ToResult(ExportFormat.Xlsx, $"roster-{SheetOf(sheet).ToString().ToLowerInvariant()}-template"))
            .WithSummary("The sheet's template with an example row. units: 名称, 类型 (物业公司, 院落小组, 社区居委会, 街道科室, 区级部门), 社区 (a committee's). courtyards: 社区, 网格, 院落, 类型 (安置小区, 老旧院落, 商品房小区, 弃管院落), 户数, 纬度, 经度 (optional), 楼栋 (names separated by 、). staff: 姓名, 电话, 岗位 (调度员, 网格员, 物业人员…), 单位, 社区, 网格, 在岗 (是/否), 账号 (optional: a sign-in with a one-time password).");
        imports.MapPost("/preview", async (string sheet, HttpContext http, ApiCaller caller, RosterImport import, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                UploadedWorkbook.Worded(text, await import.PreviewAsync(SheetOf(sheet), (await SheetAsync(sheet, http, ct)).Rows, caller.Post, ct)))
            .AcceptsWorkbook(MaxUploadBytes)
            .WithSummary($"Classifies every row of the uploaded sheet (multipart field \"file\") as new, changed, unchanged or invalid with its problem in the reader's language; writes nothing. At most {RosterImport.MaxRows} rows (422 RosterRowCount) and {MaxUploadBytes / 1024 / 1024} MB (413).")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        imports.MapPost("/", async (string sheet, HttpContext http, ApiCaller caller, RosterImport import, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var workbook = await SheetAsync(sheet, http, ct);
                var imported = await import.AcceptAsync(SheetOf(sheet), workbook.Rows, workbook.File, caller.Post, ct);
                return imported with { Summary = UploadedWorkbook.Worded(text, imported.Summary) };
            })
            .AcceptsWorkbook(MaxUploadBytes)
            .WithSummary("Imports the sheet in one write, audited with the file's name, size and SHA-256: new and changed rows applied, nothing deleted; the same file again changes nothing. 422 ImportNotClean while any row has a problem (nothing is imported). New sign-ins come back with a one-time password each, shown this once; the person sets their own at the first sign-in.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static Task<WorkbookRows> SheetAsync(string sheet, HttpContext http, CancellationToken ct) =>
        UploadedWorkbook.ReadAsync(http, RosterImport.ColumnsOf(SheetOf(sheet)), RosterImport.MaxRows, ct);

    /// <summary>units, courtyards or staff, in any case; anything else is refused naming the field (422).</summary>
    private static RosterSheet SheetOf(string sheet) => KnownValue.Named<RosterSheet>(sheet, "sheet");
}
