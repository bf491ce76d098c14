using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Imports;

namespace CommandCenter.Infrastructure.Archive;

/// <summary>
/// What the archive's spreadsheet imports share (一数一源, issue 17): a sheet is rows of cells by header; every row is
/// classified, a preview writes nothing, and the accepted import applies only the new and changed rows.
/// </summary>
public static class ArchiveImport
{
    /// <summary>Refuses an empty file and one longer than the list it stands for can be.</summary>
    public static void CheckRowCount(IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, int maxRows, string list)
    {
        if (rows.Count == 0 || rows.Count > maxRows)
            throw new DomainValidationException("ImportRowCount", $"A {list} has 1 to {maxRows} rows.", "file");
    }

    /// <summary>A cell's text, trimmed; null for a missing or blank cell.</summary>
    public static string? Cell(IReadOnlyDictionary<string, string?> cells, string column) => SheetCells.Of(cells, column);

    public static ImportPreview Summary(IReadOnlyCollection<ImportRow> rows) =>
        ImportPreview.Of([.. rows.Select(r => new ImportRowView(r.Number, r.Kind, r.Name, r.Problem, r.Field))]);

    /// <summary>The audit line of an accepted import: what it did, by kind.</summary>
    public static string AuditDetail(ImportPreview summary) =>
        $"{summary.New} new, {summary.Changed} changed, {summary.Unchanged} unchanged, {summary.Conflicting} conflicting, {summary.Invalid} invalid";
}

/// <summary>One row of a sheet as an import classified it: numbered as the spreadsheet shows it (1 is the header).</summary>
public abstract class ImportRow
{
    public int Number { get; init; }
    public ImportRowKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The code of what is wrong with an invalid row, or of what a conflicting row disagrees on.</summary>
    public string? Problem { get; private set; }
    public string? Field { get; private set; }

    public void Refuse(DomainException problem) =>
        (Kind, Problem, Field) = (ImportRowKind.Invalid, problem.Code, (problem as DomainValidationException)?.Field);

    public void Conflict(DomainValidationException disagreement) =>
        (Kind, Problem, Field) = (ImportRowKind.Conflicting, disagreement.Code, disagreement.Field);
}
