using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api.Exports;
using CommandCenter.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// The resident book and the owner lists imported from a spreadsheet (issue 17): the template, a preview that writes
/// nothing, and the accepted import in one write. Both read the same file the same way, so what is accepted is what was previewed.
/// </summary>
public static class ArchiveImportEndpoints
{
    /// <summary>A community's book of 50,000 rows is a few MB; more is the wrong file.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapArchiveImportApi(this IEndpointRouteBuilder endpoints)
    {
        var imports = endpoints.MapGroup("/api/archive/imports").WithTags("Archive");

        var residents = imports.MapGroup("/residents").RequireAuthorization(Policies.KeepResidentBook);
        residents.MapGet("/template.xlsx", () => ExportTable.Of(ResidentBookImport.Columns, []).ToResult(ExportFormat.Xlsx, "resident-book-template"))
            .WithSummary("The resident book's template: 院落, 门牌, 姓名, 户号, 与户主关系 (户主, 配偶, 子女…), 身份证号, 电话, 标签 (党员、低保、独居老人…).");
        residents.MapPost("/preview", async (HttpContext http, ApiCaller caller, ResidentBookImport import, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                UploadedWorkbook.Worded(text, await import.PreviewAsync(caller.Post, await ResidentBookAsync(http, ct), ct)))
            .AcceptsWorkbook(MaxUploadBytes)
            .WithSummary("Classifies every row of the uploaded book (multipart field \"file\") as new, changed, conflicting or invalid with its problem; writes nothing.");
        residents.MapPost("/", async (HttpContext http, ApiCaller caller, ResidentBookImport import, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                UploadedWorkbook.Worded(text, await import.AcceptAsync(caller.Post, await ResidentBookAsync(http, ct), ct)))
            .AcceptsWorkbook(MaxUploadBytes)
            .WithSummary("Accepts the book: new and changed rows applied in one write, conflicting and invalid ones left; the same file again changes nothing.");

        var owners = imports.MapGroup("/owners").RequireAuthorization(Policies.KeepOwnerRegister);
        owners.MapGet("/template.xlsx", () => ExportTable.Of(OwnerListImport.Columns, []).ToResult(ExportFormat.Xlsx, "owner-list-template"))
            .WithSummary("The owner list's template, one row per owner of a unit: 院落, 门牌, 专有面积, 面积来源 (登记/实测/合同), 用途 (住宅/商铺/车库/车位), 业主, 业主类型 (个人/开发商/单位), 身份证号, 电话, 份额, 代表人 (是/否).");
        owners.MapPost("/preview", async (ArchiveSource? source, HttpContext http, ApiCaller caller, OwnerListImport import, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => UploadedWorkbook.Worded(text, await import.PreviewAsync(caller.Post, source, await OwnerListAsync(http, ct), ct)))
            .AcceptsWorkbook(MaxUploadBytes)
            .WithSummary("Classifies every unit of the uploaded owner list (source=LandRegistry or PropertyCompany) as new, changed, conflicting or invalid with its problem; writes nothing.");
        owners.MapPost("/", async (ArchiveSource? source, HttpContext http, ApiCaller caller, OwnerListImport import, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => UploadedWorkbook.Worded(text, await import.AcceptAsync(caller.Post, source, await OwnerListAsync(http, ct), ct)))
            .AcceptsWorkbook(MaxUploadBytes)
            .WithSummary("Accepts the owner list: new units added and changed ones updated in one write, conflicting and invalid ones left; the same list again changes nothing.");
        return endpoints;
    }

    private static async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> ResidentBookAsync(HttpContext http, CancellationToken ct) =>
        (await UploadedWorkbook.ReadAsync(http, ResidentBookImport.Columns, ResidentBookImport.MaxRows, ct)).Rows;

    private static async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> OwnerListAsync(HttpContext http, CancellationToken ct) =>
        (await UploadedWorkbook.ReadAsync(http, OwnerListImport.Columns, OwnerListImport.MaxRows, ct)).Rows;
}
