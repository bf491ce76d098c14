using CommandCenter.Infrastructure.Archive;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api.Exports;
using CommandCenter.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// The resident book imported from a spreadsheet (issue 17): the template, a preview that writes nothing, and
/// the accepted import in one write. Both read the same file the same way, so what is accepted is what was previewed.
/// </summary>
public static class ArchiveImportEndpoints
{
    /// <summary>A community's book of 50,000 rows is a few MB; more is the wrong file.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapArchiveImportApi(this IEndpointRouteBuilder endpoints)
    {
        var imports = endpoints.MapGroup("/api/archive/imports/residents").WithTags("Archive").RequireAuthorization(Policies.KeepResidentBook);
        imports.MapGet("/template.xlsx", () => ExportTable.Of(ResidentBookImport.Columns, []).ToResult(ExportFormat.Xlsx, "resident-book-template"))
            .WithSummary("The resident book's template: 院落, 门牌, 姓名, 户号, 与户主关系 (户主, 配偶, 子女…), 身份证号, 电话, 标签 (党员、低保、独居老人…).");
        imports.MapPost("/preview", async (HttpContext http, ApiCaller caller, ResidentBookImport import, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                UploadedWorkbook.Worded(text, await import.PreviewAsync(caller.Post, await SheetAsync(http, ct), ct)))
            .AcceptsWorkbook(MaxUploadBytes)
            .WithSummary("Classifies every row of the uploaded book (multipart field \"file\") as new, changed, conflicting or invalid with its problem; writes nothing.");
        imports.MapPost("/", async (HttpContext http, ApiCaller caller, ResidentBookImport import, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                UploadedWorkbook.Worded(text, await import.AcceptAsync(caller.Post, await SheetAsync(http, ct), ct)))
            .AcceptsWorkbook(MaxUploadBytes)
            .WithSummary("Accepts the book: new and changed rows applied in one write, conflicting and invalid ones left; the same file again changes nothing.");
        return endpoints;
    }

    private static async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> SheetAsync(HttpContext http, CancellationToken ct) =>
        (await UploadedWorkbook.ReadAsync(http, ResidentBookImport.Columns, ResidentBookImport.MaxRows, ct)).Rows;
}
