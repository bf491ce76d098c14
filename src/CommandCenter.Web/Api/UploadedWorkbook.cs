using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// A spreadsheet sent to the API for import (the resident book, the roster), read by <see cref="WorkbookReader"/> as the pages read it,
/// so what is accepted is what was previewed.
/// </summary>
public static class UploadedWorkbook
{
    /// <summary>The form's file field, sent as multipart/form-data; anything else is refused.</summary>
    public static async Task<WorkbookRows> ReadAsync(HttpContext http, IReadOnlyList<string> columns, int maxRows, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            throw new BadHttpRequestException("Send the workbook as multipart/form-data, in the field \"file\".", StatusCodes.Status415UnsupportedMediaType);
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file) throw new DomainValidationException("Required", "file is required.", "file");
        await using var upload = file.OpenReadStream();
        return await WorkbookReader.ReadAsync(upload, file.FileName, columns, maxRows, ct);
    }

    /// <summary>An endpoint taking a workbook as a form post, without an antiforgery token like every API call, its body at most <paramref name="bytes"/> (413 beyond).</summary>
    public static RouteHandlerBuilder AcceptsWorkbook(this RouteHandlerBuilder endpoint, long bytes) =>
        endpoint.DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(bytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = bytes });

    /// <summary>The preview's problems said in the reader's language.</summary>
    public static ImportPreview Worded(IStringLocalizer text, ImportPreview preview) =>
        preview with { Rows = [.. preview.Rows.Select(r => r.Problem is { } code ? r with { Text = text[ErrorTable.Sentence(code), r.Column ?? ""] } : r)] };
}
