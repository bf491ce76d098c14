using System.Globalization;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Web.Access;
using CommandCenter.Web.Api.Exports;
using CommandCenter.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MiniExcel = MiniExcelLibs.MiniExcel;

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
                Worded(text, await import.PreviewAsync(caller.Post, await ResidentBookAsync(http, ct), ct)))
            .Upload()
            .WithSummary("Classifies every row of the uploaded book (multipart field \"file\") as new, changed, conflicting or invalid with its problem; writes nothing.");
        residents.MapPost("/", async (HttpContext http, ApiCaller caller, ResidentBookImport import, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                Worded(text, await import.AcceptAsync(caller.Post, await ResidentBookAsync(http, ct), ct)))
            .Upload()
            .WithSummary("Accepts the book: new and changed rows applied in one write, conflicting and invalid ones left; the same file again changes nothing.");

        var owners = imports.MapGroup("/owners").RequireAuthorization(Policies.KeepOwnerRegister);
        owners.MapGet("/template.xlsx", () => ExportTable.Of(OwnerListImport.Columns, []).ToResult(ExportFormat.Xlsx, "owner-list-template"))
            .WithSummary("The owner list's template, one row per owner of a unit: 院落, 门牌, 专有面积, 面积来源 (登记/实测/合同), 用途 (住宅/商铺/车库/车位), 业主, 业主类型 (个人/开发商/单位), 身份证号, 电话, 份额, 代表人 (是/否).");
        owners.MapPost("/preview", async (ArchiveSource? source, HttpContext http, ApiCaller caller, OwnerListImport import, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => Worded(text, await import.PreviewAsync(caller.Post, source, await OwnerListAsync(http, ct), ct)))
            .Upload()
            .WithSummary("Classifies every unit of the uploaded owner list (source=LandRegistry or PropertyCompany) as new, changed, conflicting or invalid with its problem; writes nothing.");
        owners.MapPost("/", async (ArchiveSource? source, HttpContext http, ApiCaller caller, OwnerListImport import, IStringLocalizer<SharedResource> text,
                CancellationToken ct) => Worded(text, await import.AcceptAsync(caller.Post, source, await OwnerListAsync(http, ct), ct)))
            .Upload()
            .WithSummary("Accepts the owner list: new units added and changed ones updated in one write, conflicting and invalid ones left; the same list again changes nothing.");
        return endpoints;
    }

    private static Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> ResidentBookAsync(HttpContext http, CancellationToken ct) =>
        SheetAsync(http, ResidentBookImport.Columns, ResidentBookImport.MaxRows, ct);

    private static Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> OwnerListAsync(HttpContext http, CancellationToken ct) =>
        SheetAsync(http, OwnerListImport.Columns, OwnerListImport.MaxRows, ct);

    /// <summary>An upload endpoint: a form post outside the pages (no antiforgery token), up to <see cref="MaxUploadBytes"/>.</summary>
    private static RouteHandlerBuilder Upload(this RouteHandlerBuilder endpoint) => endpoint
        .DisableAntiforgery()
        .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxUploadBytes });

    private static ImportPreview Worded(IStringLocalizer text, ImportPreview preview) =>
        preview with { Rows = [.. preview.Rows.Select(r => r.Problem is { } code ? r with { Text = text[ErrorTable.Sentence(code)] } : r)] };

    /// <summary>The uploaded workbook (multipart field "file") read as <see cref="ReadSheetAsync"/> reads it.</summary>
    private static async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> SheetAsync(HttpContext http, IReadOnlyList<string> columns, int maxRows,
        CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            throw new BadHttpRequestException("Send the workbook as multipart/form-data, in the field \"file\".", StatusCodes.Status415UnsupportedMediaType);
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file) throw new DomainValidationException("Required", "file is required.", "file");
        await using var upload = file.OpenReadStream();
        return await ReadSheetAsync(upload, columns, maxRows, ct);
    }

    /// <summary>
    /// A workbook's first sheet as text by header, at most one row more than <paramref name="maxRows"/> (so that a longer
    /// file is refused, not cut); a file that is not a workbook with the template's headers is refused. The pages read an upload the same way.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> ReadSheetAsync(Stream upload, IReadOnlyList<string> columns, int maxRows,
        CancellationToken ct)
    {
        var content = new MemoryStream();
        await upload.CopyToAsync(content, ct);
        content.Position = 0;
        try
        {
            var rows = MiniExcel.Query(content, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Take(maxRows + 1)
                .Select(row => (IReadOnlyDictionary<string, string?>)row.ToDictionary(c => c.Key.Trim(), c => Text(c.Value)))
                .ToList();
            if (rows.Count > 0 && !columns.Take(3).All(rows[0].ContainsKey)) throw new InvalidDataException("Not the template's headers.");
            return rows;
        }
        catch (Exception e) when (e is not OperationCanceledException and not DomainException)
        {
            throw new DomainValidationException("UnreadableSpreadsheet", "The file is not an .xlsx workbook with the template's header row.", "file");
        }
    }

    /// <summary>A cell as its text: numbers as the sheet shows them (a phone typed as a number is 13800138000, not 1.38E+10).</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        double number => number.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
