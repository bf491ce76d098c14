using System.Data;
using System.Globalization;
using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace CommandCenter.Web.Api.Exports;

/// <summary>The two download formats of every table.</summary>
public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// A table to download: its column headers (in the caller's language) and its rows, streamed. Cells are
/// strings, numbers or null; whoever builds the table formats times and rates as the page shows them.
/// </summary>
public sealed record ExportTable(IReadOnlyList<string> Headers, IAsyncEnumerable<object?[]> Rows)
{
    /// <summary>A table whose rows are already at hand (an assessment table: one row per unit or community).</summary>
    public static ExportTable Of(IReadOnlyList<string> headers, IEnumerable<object?[]> rows) => new(headers, rows.ToAsyncEnumerable());

    /// <summary>The download as <paramref name="format"/>, named <paramref name="name"/> plus the format's extension.</summary>
    public IResult ToResult(ExportFormat format, string name) => format switch
    {
        ExportFormat.Xlsx => new XlsxResult(this, $"{name}.xlsx"),
        _ => new CsvResult(this, $"{name}.csv"),
    };

    /// <summary>
    /// .xlsx by MiniExcel, which writes the rows as it enumerates them. The workbook is a zip that is finished
    /// by seeking back, so it is written to a temporary file (deleted on close) and then streamed: the server's
    /// memory stays flat however many rows there are.
    /// </summary>
    private sealed class XlsxResult(ExportTable table, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var cancellationToken = http.RequestAborted;
            await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            // MiniExcel enumerates synchronously: off the request's thread, pulling the database rows one by one.
            await Task.Run(() => MiniExcel.SaveAs(file, Sheet(table, cancellationToken), excelType: MiniExcelLibs.ExcelType.XLSX), cancellationToken);
            file.Position = 0;
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            http.Response.ContentLength = file.Length;
            http.Response.Headers.ContentDisposition = Disposition(fileName);
            await file.CopyToAsync(http.Response.Body, cancellationToken);
        }

        /// <summary>Rows as MiniExcel takes them; with no rows, an empty table of the headers, so the workbook still says what it would hold.</summary>
        private static object Sheet(ExportTable table, CancellationToken cancellationToken)
        {
            var rows = table.Rows.ToBlockingEnumerable(cancellationToken).GetEnumerator();
            if (rows.MoveNext()) return Dictionaries(table.Headers, rows);
            rows.Dispose();
            var empty = new DataTable();
            foreach (var header in table.Headers) empty.Columns.Add(header);
            return empty;
        }

        private static IEnumerable<IDictionary<string, object?>> Dictionaries(IReadOnlyList<string> headers, IEnumerator<object?[]> rows)
        {
            using (rows)
            {
                do
                {
                    var row = new Dictionary<string, object?>(headers.Count);
                    for (var i = 0; i < headers.Count; i++) row[headers[i]] = rows.Current[i];
                    yield return row;
                }
                while (rows.MoveNext());
            }
        }
    }

    /// <summary>CSV in UTF-8 with a byte-order mark (so Excel reads the Chinese right), written to the response as rows arrive.</summary>
    private sealed class CsvResult(ExportTable table, string fileName) : IResult
    {
        private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

        public async Task ExecuteAsync(HttpContext http)
        {
            var cancellationToken = http.RequestAborted;
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = Disposition(fileName);
            await http.Response.Body.WriteAsync(Bom, cancellationToken);
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            await writer.WriteAsync(Line(table.Headers));
            await foreach (var row in table.Rows.WithCancellation(cancellationToken))
                await writer.WriteAsync(Line(row));
        }

        private static string Line(IEnumerable<object?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

        private static string Cell(object? value)
        {
            var text = value switch
            {
                null => "",
                // Decimals are percentages: two places, as the page shows them.
                decimal percent => percent.ToString("0.00", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            // A cell that begins like a formula is read as text, so a report cannot run one in the reader's spreadsheet.
            if (value is string && text.Length > 0 && "=+-@".Contains(text[0])) text = "'" + text;
            return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
        }
    }

    private static string Disposition(string fileName) => $"attachment; filename=\"{fileName}\"";
}
