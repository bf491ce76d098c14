using CommandCenter.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace CommandCenter.Infrastructure.Tests.Persistence;

/// <summary>A value bound by position on the raw handle is stored exactly as Microsoft.Data.Sqlite stores it for the same column type.</summary>
public sealed class SqliteRawStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteRawStatementTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE Bound (Way TEXT, Value);";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    public static TheoryData<object?, SqliteType> Values => new()
    {
        { null, SqliteType.Text },
        { "", SqliteType.Text },
        { "渝北区 寸滩街道 3号楼 电梯停运 🚧", SqliteType.Text },
        { new Guid("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"), SqliteType.Text },
        { new Guid("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"), SqliteType.Blob },
        { new DateTime(2026, 12, 5, 17, 59, 3, DateTimeKind.Utc).AddTicks(1234567), SqliteType.Text },
        { new DateTime(2026, 12, 5, 8, 0, 0, DateTimeKind.Utc), SqliteType.Text },
        { new DateTime(2026, 1, 2, 3, 4, 5, 600, DateTimeKind.Unspecified), SqliteType.Text },
        { DateTime.MinValue, SqliteType.Text },
        { new DateTimeOffset(2026, 12, 5, 17, 59, 3, TimeSpan.FromHours(8)).AddTicks(10), SqliteType.Text },
        { new DateOnly(2026, 12, 5), SqliteType.Text },
        { DateOnly.MinValue, SqliteType.Text },
        { true, SqliteType.Integer },
        { false, SqliteType.Integer },
        { int.MinValue, SqliteType.Integer },
        { long.MaxValue, SqliteType.Integer },
        { (short)-7, SqliteType.Integer },
        { (byte)200, SqliteType.Integer },
        { 0.1 + 0.2, SqliteType.Real },
        { 1e300, SqliteType.Real },
        { 12345.678900m, SqliteType.Text },
        { -0.5m, SqliteType.Text },
        { new byte[] { 0, 1, 254, 255 }, SqliteType.Blob },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void ARawBinding_StoresWhatMicrosoftDataSqliteStores(object? value, SqliteType type)
    {
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO Bound VALUES ('parameter', $value)";
            command.Parameters.Add(new SqliteParameter("$value", type) { Value = value ?? DBNull.Value });
            command.ExecuteNonQuery();
        }
        using (var statement = new SqliteRawStatement(_connection, "INSERT INTO Bound VALUES ('raw', ?1)", [type]))
        {
            statement.Bind(0, value);
            Assert.Equal(1, statement.Execute());
        }

        Assert.Equal(Stored("parameter"), Stored("raw"));
    }

    [Fact]
    public void AValueOfAnotherKind_IsRefused_NotGuessed()
    {
        using var statement = new SqliteRawStatement(_connection, "INSERT INTO Bound VALUES ('raw', ?1)", [SqliteType.Text]);

        Assert.Throws<NotSupportedException>(() => statement.Bind(0, TimeSpan.FromMinutes(3)));
    }

    [Fact]
    public void AStatementThatFails_ThrowsTheDatabasesError_AndTheNextRowStillRuns()
    {
        using (var unique = _connection.CreateCommand())
        {
            unique.CommandText = "CREATE UNIQUE INDEX Bound_Value ON Bound (Value);";
            unique.ExecuteNonQuery();
        }
        using var statement = new SqliteRawStatement(_connection, "INSERT INTO Bound VALUES ('raw', ?1)", [SqliteType.Text]);
        statement.Bind(0, "一");
        statement.Execute();

        var refused = Assert.Throws<SqliteException>(() => statement.Execute());
        Assert.Equal(19, refused.SqliteErrorCode);
        statement.Bind(0, "二");
        Assert.Equal(1, statement.Execute());
    }

    private (string Type, string Quoted) Stored(string way)
    {
        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT typeof(Value), quote(Value) FROM Bound WHERE Way = $way";
        read.Parameters.AddWithValue("$way", way);
        using var reader = read.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetString(0), reader.GetString(1));
    }
}
