using System.Globalization;
using System.Security.Cryptography;
using CommandCenter.Domain.Common;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace CommandCenter.Infrastructure.Imports;

/// <summary>
/// A spreadsheet sent for import (the resident book, the roster), read the one way for the API, the pages and the
/// benchmark: the rows as text by header, with the file's name, size and SHA-256 for the audit entry.
/// </summary>
public static class WorkbookReader
{
    /// <summary>
    /// The sheet's rows as text by header, at most <paramref name="maxRows"/> and one (so a longer sheet is seen to be longer);
    /// a file that is not a workbook whose headers start as <paramref name="columns"/> does is refused.
    /// </summary>
    public static async Task<WorkbookRows> ReadAsync(Stream upload, string fileName, IReadOnlyList<string> columns, int maxRows, CancellationToken ct)
    {
        var content = new MemoryStream();
        await upload.CopyToAsync(content, ct);
        var file = new ImportedFile(Path.GetFileName(fileName), content.Length, Convert.ToHexStringLower(SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length))));
        content.Position = 0;
        try
        {
            var rows = MiniExcel.Query(content, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Take(maxRows + 1)
                .Select(row => (IReadOnlyDictionary<string, string?>)row.ToDictionary(c => c.Key.Trim(), c => Text(c.Value)))
                .ToList();
            if (rows.Count > 0 && !columns.Take(3).All(rows[0].ContainsKey)) throw new InvalidDataException("Not the template's headers.");
            return new WorkbookRows(rows, file);
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

/// <summary>An uploaded sheet's rows, and the file they came from.</summary>
public sealed record WorkbookRows(IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows, ImportedFile File);
