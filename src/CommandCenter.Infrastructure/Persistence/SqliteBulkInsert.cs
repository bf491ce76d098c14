using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// Inserts many new rows of one mapped type on SQLite with one prepared statement in one transaction,
/// the columns and value conversions read from the EF model: the demo archive's 200,000 rows take seconds
/// this way where change tracking takes most of a minute. Other providers go through EF in batches.
/// </summary>
public static class SqliteBulkInsert
{
    public static async Task InsertAsync<T>(CommandCenterDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default) where T : class
    {
        if (!db.Database.IsSqlite())
        {
            foreach (var batch in rows.Chunk(10_000))
            {
                db.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        // A key the database numbers (an identity column) is left to it.
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd)).Select(p => (Property: p, Column: p.GetColumnName(), Converter: p.GetTypeMapping().Converter)).ToList();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = columns[i].Property.GetGetter().GetClrValueUsingContainingEntity(row);
                    if (value is not null && columns[i].Converter is { } converter) value = converter.ConvertToProvider(value);
                    parameters[i].Value = value ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
