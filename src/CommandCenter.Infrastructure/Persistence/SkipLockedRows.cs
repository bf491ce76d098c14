using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// A query tagged with <see cref="Tag"/> locks the rows it reads to the transaction and passes over rows another
/// transaction holds, never waiting for them: FOR UPDATE SKIP LOCKED on PostgreSQL, UPDLOCK READPAST on SQL Server.
/// LINQ has no words for a row lock, so the query states which rows it wants and this adds only the lock clause
/// (the tag is the pattern of EF's interceptor documentation). Part of the server databases' options
/// (<see cref="DatabaseSetup"/>); SQLite has no row locks and its write gate lets one writer run at a time.
/// </summary>
internal sealed partial class SkipLockedRows : DbCommandInterceptor
{
    public const string Tag = "Lock the rows read, skip rows locked by others";

    public static readonly SkipLockedRows Instance = new();

    // TagWith writes the tag as a comment line ahead of the query.
    private const string TagLine = "-- " + Tag;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Lock(command, eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Lock(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Lock(DbCommand command, DbContext? context)
    {
        if (context is null || !command.CommandText.StartsWith(TagLine, StringComparison.Ordinal)) return;
        if (context.Database.IsNpgsql())
        {
            command.CommandText += "\nFOR UPDATE SKIP LOCKED";
            return;
        }
        if (!context.Database.IsSqlServer()) return;
        // Table hints follow the table of the FROM clause; a tagged query reads one table.
        var from = SqlServerFrom().Match(command.CommandText);
        if (!from.Success) throw new InvalidOperationException($"A query tagged '{Tag}' must read one table: {command.CommandText}");
        command.CommandText = command.CommandText.Insert(from.Index + from.Length, " WITH (UPDLOCK, READPAST, ROWLOCK)");
    }

    [GeneratedRegex(@"FROM \[[^\]]+\] AS \[[^\]]+\]", RegexOptions.CultureInvariant)]
    private static partial Regex SqlServerFrom();
}
