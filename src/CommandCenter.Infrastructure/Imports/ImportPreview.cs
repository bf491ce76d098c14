namespace CommandCenter.Infrastructure.Imports;

/// <summary>What a spreadsheet import may find a row to be.</summary>
public enum ImportRowKind
{
    New,
    Changed,
    Unchanged,
    /// <summary>The record on file came from another source and says otherwise: shown, not overwritten.</summary>
    Conflicting,
    Invalid,
}

/// <summary>What an import would do (or did): counts per kind, and every row that is not unchanged with its problem code.</summary>
public sealed record ImportPreview(int New, int Changed, int Unchanged, int Conflicting, int Invalid, IReadOnlyList<ImportRowView> Rows)
{
    /// <summary>
    /// The counts of <paramref name="rows"/> (every row of the sheet; an invalid row once per problem, each counted once),
    /// listing those that are not unchanged.
    /// </summary>
    public static ImportPreview Of(IReadOnlyCollection<ImportRowView> rows)
    {
        int Count(ImportRowKind kind) => rows.Where(r => r.Kind == kind).Select(r => r.Row).Distinct().Count();
        return new(Count(ImportRowKind.New), Count(ImportRowKind.Changed), Count(ImportRowKind.Unchanged), Count(ImportRowKind.Conflicting),
            Count(ImportRowKind.Invalid), [.. rows.Where(r => r.Kind != ImportRowKind.Unchanged)]);
    }
}

/// <summary>One row of the sheet (numbered as the spreadsheet shows it), its kind, and for an invalid row a problem's code and column (one view per problem).</summary>
/// <see cref="Text"/> is the problem in the reader's language, filled in by whoever answers.
public sealed record ImportRowView(int Row, ImportRowKind Kind, string Name, string? Problem, string? Column, string? Text = null);

/// <summary>The file an import read, as its audit entry names it: what was uploaded, its size, and its SHA-256 to find the very file again.</summary>
public sealed record ImportedFile(string Name, long Size, string Sha256)
{
    public override string ToString() => $"{Name}, {Size} bytes, SHA-256 {Sha256}";
}

/// <summary>A sheet's cells by header, as text.</summary>
public static class SheetCells
{
    /// <summary>The cell under <paramref name="column"/> trimmed, or null when the column is missing or the cell blank.</summary>
    public static string? Of(IReadOnlyDictionary<string, string?> cells, string column) =>
        cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
