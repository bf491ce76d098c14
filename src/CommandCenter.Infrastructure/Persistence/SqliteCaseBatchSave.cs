using System.Runtime.CompilerServices;
using CommandCenter.Domain.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// Writes a save's changed cases and the timeline events and handling records they appended on SQLite with
/// one prepared statement per shape, bound and stepped per row: EF Core builds, prepares and reads back a
/// command of its own for every row, which was most of a timer sweep's time (a batch is hundreds of cases,
/// four rows each). Only for a unit that asks (<see cref="Request"/>), and only for what it writes plainly: a
/// case whose parts, request or supervision changed, or an event with attachments, is left to EF with the
/// rest of the save (the digest's notices). Runs as the last interceptor, after the case events and notices
/// were collected from the same entries, inside the unit's transaction; the case's version guards each
/// update as EF's own would, and a stale one fails the save the same way.
/// </summary>
public sealed class SqliteCaseBatchSave : SaveChangesInterceptor
{
    public static readonly SqliteCaseBatchSave Instance = new();

    // Per lease of a pooled context: a context back from the pool has not asked.
    private static readonly ConditionalWeakTable<DbContext, StrongBox<int>> Requested = [];

    /// <summary>Lets this save write its plain case rows with prepared statements (a timer sweep's batch).</summary>
    public static void Request(DbContext db) => Requested.AddOrUpdate(db, new StrongBox<int>(db.ContextId.Lease));

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SaveIfRequested(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs every command synchronously anyway.
        SaveIfRequested(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void SaveIfRequested(DbContext? db)
    {
        if (db is null || !Requested.TryGetValue(db, out var lease) || lease.Value != db.ContextId.Lease || !db.Database.IsSqlite()) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("A batch save runs inside the unit of work's transaction.");
        var plain = PlainCases(db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList());
        if (plain.Count == 0) return;

        using var statements = new Statements(transaction);
        foreach (var (@case, rows) in plain)
        {
            statements.Update(@case);
            foreach (var row in rows) statements.Insert(row);
        }
        // Written: EF's own save skips them, and the rows keep the keys the database gave them.
        foreach (var (@case, rows) in plain)
        {
            @case.OriginalValues.SetValues(@case.CurrentValues);
            @case.State = EntityState.Unchanged;
            foreach (var row in rows) row.State = EntityState.Unchanged;
        }
    }

    /// <summary>The changed cases whose save is one update and appended rows: every other change of theirs stays with EF.</summary>
    private static List<(EntityEntry Case, List<EntityEntry> Rows)> PlainCases(List<EntityEntry> changed)
    {
        var byCase = changed.Where(e => CaseOf(e) is not null).ToLookup(e => CaseOf(e)!.Value);
        List<(EntityEntry, List<EntityEntry>)> plain = [];
        foreach (var group in byCase)
        {
            var @case = group.SingleOrDefault(e => e.Entity is Case { } c && c.Id == group.Key);
            if (@case is not { State: EntityState.Modified }) continue;
            var rows = group.Where(e => e != @case).ToList();
            if (rows.All(e => e.State == EntityState.Added && e.Entity is TimelineEvent { Attachments.Count: 0 } or HandlingRecord))
                plain.Add((@case, rows));
        }
        return plain;
    }

    /// <summary>Which case a changed entry belongs to: the case itself, its rows and parts, and what it owns in its own row.</summary>
    private static Guid? CaseOf(EntityEntry entry) => entry.Entity switch
    {
        Case c => c.Id,
        TimelineEvent e => e.CaseId,
        HandlingRecord r => r.CaseId,
        CasePart p => p.CaseId,
        _ when entry.Metadata.FindOwnership() is { PrincipalEntityType.ClrType: var owner } ownership && owner == typeof(Case)
            => entry.Property(ownership.Properties[0].Name).CurrentValue as Guid?,
        _ => null,
    };

    /// <summary>The prepared commands of one save, one per statement text, reused row after row.</summary>
    private sealed class Statements(SqliteTransaction transaction) : IDisposable
    {
        private readonly Dictionary<string, (SqliteCommand Command, SqliteParameter[] Parameters)> _prepared = [];

        public void Update(EntityEntry entry)
        {
            var set = Modified(entry).ToList();
            var tokens = entry.Properties.Where(p => p.Metadata.IsConcurrencyToken).ToList();
            var keys = entry.Properties.Where(p => p.Metadata.IsPrimaryKey()).ToList();
            var table = entry.Metadata.GetTableName();
            var (command, parameters) = Prepare(
                $"UPDATE \"{table}\" SET {string.Join(", ", set.Select((p, i) => $"\"{p.Metadata.GetColumnName()}\" = $p{i}"))} " +
                $"WHERE {string.Join(" AND ", keys.Concat(tokens).Select((p, i) => $"\"{p.Metadata.GetColumnName()}\" = $p{set.Count + i}"))}",
                [.. set.Concat(keys).Concat(tokens).Select(p => p.Metadata)]);
            var values = set.Select(p => p.CurrentValue).Concat(keys.Select(p => p.CurrentValue)).Concat(tokens.Select(p => p.OriginalValue));
            Bind(parameters, [.. set.Concat(keys).Concat(tokens).Select(p => p.Metadata)], values);
            if (command.ExecuteNonQuery() != 1)
                throw new DbUpdateConcurrencyException(
                    $"The {entry.Metadata.ClrType.Name} changed since it was read: expected to update one row of \"{table}\".");
        }

        public void Insert(EntityEntry entry)
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties.Single();
            var columns = Columns(entry).Where(p => p.Metadata != key && p.Metadata.GetBeforeSaveBehavior() == PropertySaveBehavior.Save).ToList();
            // An owned collection stored as JSON in the row: only empty ones come here (PlainCases).
            var json = entry.Metadata.GetNavigations().Where(n => n.TargetEntityType.IsMappedToJson()).Select(n => n.TargetEntityType.GetContainerColumnName()!).ToList();
            var (command, parameters) = Prepare(
                $"INSERT INTO \"{entry.Metadata.GetTableName()}\" ({string.Join(", ", columns.Select(p => $"\"{p.Metadata.GetColumnName()}\"").Concat(json.Select(c => $"\"{c}\"")))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}").Concat(json.Select(_ => "'[]'")))})",
                [.. columns.Select(p => p.Metadata)]);
            Bind(parameters, [.. columns.Select(p => p.Metadata)], columns.Select(p => p.CurrentValue));
            command.ExecuteNonQuery();
            var id = SQLitePCL.raw.sqlite3_last_insert_rowid(transaction.Connection!.Handle);
            var keyEntry = entry.Property(key.Name);
            keyEntry.CurrentValue = Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            keyEntry.IsTemporary = false;
        }

        private static IEnumerable<PropertyEntry> Modified(EntityEntry entry) =>
            Columns(entry).Where(p => p.IsModified && p.Metadata.GetAfterSaveBehavior() == PropertySaveBehavior.Save);

        /// <summary>The entry's own columns, its complex properties' included.</summary>
        private static IEnumerable<PropertyEntry> Columns(EntityEntry entry) =>
            entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties));

        private (SqliteCommand Command, SqliteParameter[] Parameters) Prepare(string sql, IReadOnlyList<IProperty> properties)
        {
            if (_prepared.TryGetValue(sql, out var prepared)) return prepared;
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            // Typed by the model's mapping, as EF types its own parameters.
            var parameters = properties.Select((p, i) =>
                (SqliteParameter)p.GetRelationalTypeMapping().CreateParameter(command, $"$p{i}", null, p.IsNullable)).ToArray();
            command.Parameters.AddRange(parameters);
            command.Prepare();
            return _prepared[sql] = (command, parameters);
        }

        private static void Bind(SqliteParameter[] parameters, IReadOnlyList<IProperty> properties, IEnumerable<object?> values)
        {
            var i = 0;
            foreach (var value in values)
            {
                var converter = properties[i].GetTypeMapping().Converter;
                parameters[i].Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                i++;
            }
        }

        public void Dispose()
        {
            foreach (var (command, _) in _prepared.Values) command.Dispose();
        }
    }
}
