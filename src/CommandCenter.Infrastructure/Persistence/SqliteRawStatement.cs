using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// A prepared statement bound by position and stepped on the connection's own handle. Microsoft.Data.Sqlite
/// looks every parameter up by its name again at each execution (a UTF-8 copy of the name, a search) and
/// formats the values through a binder object: most of a batch save's managed time per row. The values are
/// bound as Microsoft.Data.Sqlite binds them for the parameter's <see cref="SqliteType"/> (what EF's type mapping
/// gives the column), so the stored text is the same; a value of another kind is refused rather than guessed
/// (<c>SqliteRawStatementTests</c> compares both bindings, value by value).
/// </summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly SqliteType[] _types;

    public SqliteRawStatement(SqliteConnection connection, string sql, IReadOnlyList<SqliteType> types)
    {
        _connection = connection;
        _types = [.. types];
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    /// <summary>Binds the provider value (after EF's value converter) of the parameter at <paramref name="index"/> (from 0).</summary>
    public void Bind(int index, object? value)
    {
        var position = index + 1;
        Span<char> text = stackalloc char[40];
        int written;
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, position),
            string s => raw.sqlite3_bind_text16(_statement, position, s.AsSpan()),
            Guid g when _types[index] == SqliteType.Text && g.TryFormat(text, out written) => BindUpper(position, text[..written]),
            Guid g => raw.sqlite3_bind_blob(_statement, position, g.ToByteArray()),
            DateTime d when _types[index] != SqliteType.Real && d.TryFormat(text, out written, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)
                => raw.sqlite3_bind_text16(_statement, position, text[..written]),
            DateTimeOffset d when _types[index] != SqliteType.Real && d.TryFormat(text, out written, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)
                => raw.sqlite3_bind_text16(_statement, position, text[..written]),
            DateOnly d when _types[index] != SqliteType.Real && d.TryFormat(text, out written, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture)
                => raw.sqlite3_bind_text16(_statement, position, text[..written]),
            bool b => raw.sqlite3_bind_int64(_statement, position, b ? 1 : 0),
            int i => raw.sqlite3_bind_int64(_statement, position, i),
            long l => raw.sqlite3_bind_int64(_statement, position, l),
            short s => raw.sqlite3_bind_int64(_statement, position, s),
            byte b => raw.sqlite3_bind_int64(_statement, position, b),
            double d when !double.IsNaN(d) => raw.sqlite3_bind_double(_statement, position, d),
            decimal m => raw.sqlite3_bind_text16(_statement, position, m.ToString("0.0###########################", CultureInfo.InvariantCulture).AsSpan()),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
            _ => throw new NotSupportedException(
                $"A {value.GetType().Name} for a {_types[index]} column is not bound here; Microsoft.Data.Sqlite's own binding would have to be matched first."),
        };
        Check(rc);
    }

    /// <summary>Runs the statement with what is bound and makes it ready for the next row; the rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) Check(rc);
        return raw.sqlite3_changes(_connection.Handle);
    }

    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_connection.Handle);

    public void Dispose() => _statement.Dispose();

    private int BindUpper(int position, Span<char> text)
    {
        for (var i = 0; i < text.Length; i++) text[i] = char.ToUpperInvariant(text[i]);
        return raw.sqlite3_bind_text16(_statement, position, text);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
    }
}
