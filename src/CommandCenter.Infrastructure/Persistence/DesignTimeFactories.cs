using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommandCenter.Infrastructure.Persistence;

// Used by dotnet-ef only: migrations are generated without starting the web host.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCommandCenterDbContext>
{
    public SqliteCommandCenterDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteCommandCenterDbContext>();
        DatabaseSetup.Sqlite(builder, "Data Source=design.db");
        return new SqliteCommandCenterDbContext(builder.Options);
    }
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCommandCenterDbContext>
{
    public SqlServerCommandCenterDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerCommandCenterDbContext>();
        DatabaseSetup.SqlServer(builder, "Server=.;Database=CommandCenter;Trusted_Connection=True;TrustServerCertificate=True");
        return new SqlServerCommandCenterDbContext(builder.Options);
    }
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlCommandCenterDbContext>
{
    public PostgreSqlCommandCenterDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlCommandCenterDbContext>();
        DatabaseSetup.PostgreSql(builder, "Host=localhost;Database=commandcenter");
        return new PostgreSqlCommandCenterDbContext(builder.Options);
    }
}
