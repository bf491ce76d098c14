using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// Provider options in one place, shared by the app, the tests and the design-time factories;
/// every context keeps the timeline and the audit log append-only, and a server database's context locks the rows
/// of a query tagged <see cref="SkipLockedRows.Tag"/>.
/// </summary>
public static class DatabaseSetup
{
    public static DbContextOptionsBuilder Sqlite(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseSqlite(connectionString).AddInterceptors(SqliteConnectionSetup.Instance, AppendOnlyRecords.Instance);
        return builder;
    }

    public static DbContextOptionsBuilder SqlServer(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseSqlServer(connectionString).AddInterceptors(AppendOnlyRecords.Instance, SkipLockedRows.Instance);
        return builder;
    }

    public static DbContextOptionsBuilder PostgreSql(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseNpgsql(connectionString).AddInterceptors(AppendOnlyRecords.Instance, SkipLockedRows.Instance);
        return builder;
    }
}
