using CommandCenter.Infrastructure.Persistence;
using Npgsql;

namespace CommandCenter.Infrastructure.Tests.Persistence;

public sealed class DatabaseSetupTests
{
    [Theory]
    [InlineData("Host=db;Database=cc", 64)]
    [InlineData("Host=db;Database=cc;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=cc;MaxAutoPrepare=10", 10)]
    [InlineData("Host=db;Database=cc;max auto prepare=5", 5)]
    public void PostgreSql_PreparesStatementsSentOften_UnlessTheConnectionStringSays(string connectionString, int prepared) =>
        Assert.Equal(prepared, new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPreparedStatements(connectionString)).MaxAutoPrepare);
}
