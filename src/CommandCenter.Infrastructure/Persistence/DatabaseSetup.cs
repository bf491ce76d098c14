using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// Provider options in one place, shared by the app, the tests and the design-time factories;
/// every context keeps the timeline and the audit log append-only, and a server database's context locks the rows
/// of a query tagged <see cref="SkipLockedRows.Tag"/>. A list in a query (<c>ids.Contains(x.Id)</c>) goes to the database
/// as one parameter (SQLite's <c>json_each</c>, SQL Server's <c>OPENJSON</c>, PostgreSQL's array), not one parameter per
/// item, EF 10's default: SQLite refuses more than 32,766 variables and SQL Server 2,100, and lists that long occur (the
/// daily figures' marks after a large import, a street's cases). A limit without an order is no warning here: the
/// queues count their matches no further than a cap (<c>Take(n).Count()</c>), where an order would sort every match.
/// </summary>
public static class DatabaseSetup
{
    public static DbContextOptionsBuilder Sqlite(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(SqliteConnectionSetup.Instance, AppendOnlyRecords.Instance);
        return Shared(builder);
    }

    public static DbContextOptionsBuilder SqlServer(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseSqlServer(connectionString, sqlServer => sqlServer.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(AppendOnlyRecords.Instance, SkipLockedRows.Instance);
        return Shared(builder);
    }

    public static DbContextOptionsBuilder PostgreSql(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseNpgsql(WithPreparedStatements(connectionString), npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(AppendOnlyRecords.Instance, SkipLockedRows.Instance);
        return Shared(builder);
    }

    /// <summary>
    /// The server keeps the plan of a statement sent often (Npgsql's automatic preparation), unless the connection string
    /// says otherwise: a timer's sweep sends the same few statements for every case it escalates, and parsing and planning
    /// each again was most of the server's time per case.
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        // Either spelling Npgsql reads ("Max Auto Prepare", "MaxAutoPrepare"); 0 there switches it off.
        if (!connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            settings.MaxAutoPrepare = 64;
        return settings.ConnectionString;
    }

    private static DbContextOptionsBuilder Shared(DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
}
