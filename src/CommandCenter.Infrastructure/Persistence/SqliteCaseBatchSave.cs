using System.Runtime.CompilerServices;
using CommandCenter.Domain.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// Writes a save's changed cases and the timeline events and handling records they appended on SQLite with
/// one prepared statement per shape, bound and stepped per row: EF Core builds, prepares and reads back a
/// command of its own for every row, which was most of a timer sweep's time (a batch is hundreds of cases,
/// four rows each), and much of an intake batch's. Only for a unit that asks (<see cref="Request"/>), and only for
/// what it writes plainly: a case whose parts, request or supervision changed or were added, or an event with
/// attachments, is left to EF with the rest of the save (the digest's notices, an intake's number counter). Runs as the last interceptor, after the case events and notices
/// were collected from the same entries, inside the unit's transaction; the case's version guards each
/// update as EF's own would, and a stale one fails the save the same way. A unit may instead ask for its new rows
/// given to it untracked to be inserted the same way (<see cref="AddNew"/>: the archive's owner list, 150,000 rows).
/// </summary>
public sealed class SqliteCaseBatchSave : SaveChangesInterceptor
{
    public static readonly SqliteCaseBatchSave Instance = new();

    // Per lease of a pooled context: a context back from the pool has not asked.
    private static readonly ConditionalWeakTable<DbContext, Asked> Requested = [];

    /// <summary>Lets this save write its plain case rows with prepared statements (a timer sweep's batch, an intake batch).</summary>
    public static void Request(DbContext db) => AskedOf(db).Cases = true;

    /// <summary>
    /// New rows for this unit to insert when it saves, untracked, with one prepared statement per type, in the order given
    /// (principals before the rows that refer to them): an import's 150,000 new rows, over which change tracking and EF's
    /// one command per row would take most of a minute. On the other providers they are added to the context as any.
    /// </summary>
    public static void AddNew<T>(DbContext db, IReadOnlyCollection<T> rows) where T : class
    {
        if (!db.Database.IsSqlite())
        {
            db.AddRange(rows);
            return;
        }
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        AskedOf(db).Inserts.Add((type, rows));
    }

    private static Asked AskedOf(DbContext db)
    {
        if (Requested.TryGetValue(db, out var asked) && asked.Lease == db.ContextId.Lease) return asked;
        Requested.AddOrUpdate(db, asked = new Asked(db.ContextId.Lease));
        return asked;
    }

    private sealed class Asked(int lease)
    {
        public int Lease { get; } = lease;
        public bool Cases { get; set; }
        public List<(IEntityType Type, IEnumerable<object> Rows)> Inserts { get; } = [];
    }

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
        if (db is null || !Requested.TryGetValue(db, out var asked) || asked.Lease != db.ContextId.Lease || !db.Database.IsSqlite()) return;
        // A later save of a unit whose new rows went with an earlier one has nothing left to ask.
        if (asked.Inserts.Count == 0 && !asked.Cases) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("A batch save runs inside the unit of work's transaction.");
        if (asked.Inserts.Count > 0)
        {
            using var inserts = new Statements(transaction);
            foreach (var (type, rows) in asked.Inserts)
                foreach (var row in rows) inserts.Insert(type, row);
            // Once: a second save of the same unit does not insert them again.
            asked.Inserts.Clear();
        }
        if (!asked.Cases) return;
        var plain = PlainCases(db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList());
        if (plain.Count == 0) return;

        using var statements = new Statements(transaction);
        foreach (var (@case, rows) in plain)
        {
            if (@case.State == EntityState.Added) statements.Insert(@case);
            else statements.Update(@case);
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

    /// <summary>The changed or new cases whose save is one update or insert and appended rows: every other change of theirs stays with EF.</summary>
    private static List<(EntityEntry Case, List<EntityEntry> Rows)> PlainCases(List<EntityEntry> changed)
    {
        var byCase = changed.Where(e => CaseOf(e) is not null).ToLookup(e => CaseOf(e)!.Value);
        List<(EntityEntry, List<EntityEntry>)> plain = [];
        foreach (var group in byCase)
        {
            var @case = group.SingleOrDefault(e => e.Entity is Case { } c && c.Id == group.Key);
            if (@case is not { State: EntityState.Modified or EntityState.Added }) continue;
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

    /// <summary>The prepared commands of one save, one per shape (a table and its columns), reused row after row.</summary>
    private sealed class Statements(SqliteTransaction transaction) : IDisposable
    {
        private readonly Dictionary<IProperty[], Statement> _updates = new(PropertiesComparer.Instance);
        private readonly Dictionary<IEntityType, Statement> _inserts = [];

        public void Update(EntityEntry entry)
        {
            var set = Modified(entry).ToList();
            var type = entry.Metadata;
            var where = type.FindPrimaryKey()!.Properties.Concat(type.GetProperties().Where(p => p.IsConcurrencyToken)).ToList();
            var shape = set.Select(p => p.Metadata).ToArray();
            if (!_updates.TryGetValue(shape, out var statement))
                _updates[shape] = statement = Prepare(
                    $"UPDATE \"{type.GetTableName()}\" SET {string.Join(", ", shape.Select((p, i) => $"\"{p.GetColumnName()}\" = $p{i}"))} " +
                    $"WHERE {string.Join(" AND ", where.Select((p, i) => $"\"{p.GetColumnName()}\" = $p{shape.Length + i}"))}",
                    [.. shape, .. where]);
            var i = 0;
            foreach (var property in set) statement.Bind(i++, property.CurrentValue);
            // The key never changes; a concurrency token is matched as it was read.
            foreach (var property in where) statement.Bind(i++, entry.Property(property).OriginalValue);
            if (statement.Command.Execute() != 1)
                throw new DbUpdateConcurrencyException(
                    $"The {type.ClrType.Name} changed since it was read: expected to update one row of \"{type.GetTableName()}\".");
        }

        public void Insert(EntityEntry entry)
        {
            var id = Insert(entry.Metadata, p => p.IsShadowProperty() ? entry.Property(p).CurrentValue : p.GetGetter().GetClrValueUsingContainingEntity(entry.Entity));
            if (id is null) return;
            var key = entry.Property(entry.Metadata.FindPrimaryKey()!.Properties.Single());
            key.CurrentValue = Convert.ChangeType(id.Value, key.Metadata.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            key.IsTemporary = false;
        }

        /// <summary>A row nobody tracks: its values are its own properties' (a shadow property has none to give).</summary>
        public void Insert(IEntityType type, object row) =>
            Insert(type, p => p.IsShadowProperty()
                ? throw new InvalidOperationException($"{type.ClrType.Name}.{p.Name} is a shadow property: an untracked row cannot give its value.")
                : p.GetGetter().GetClrValueUsingContainingEntity(row));

        /// <summary>Inserts one row; the key the database gave it, or null when the writer gave the key.</summary>
        private long? Insert(IEntityType type, Func<IProperty, object?> valueOf)
        {
            var key = type.FindPrimaryKey()!.Properties.Single();
            // A key the database numbers is read back; one the writer gives is written with the row.
            var numbered = key.ValueGenerated != ValueGenerated.Never;
            if (!_inserts.TryGetValue(type, out var statement))
            {
                var columns = type.GetFlattenedProperties().Where(p => (p != key || !numbered) && p.GetBeforeSaveBehavior() == PropertySaveBehavior.Save).ToArray();
                // An owned collection stored as JSON in the row: only empty ones come here (PlainCases).
                var json = type.GetNavigations().Where(n => n.TargetEntityType.IsMappedToJson()).Select(n => n.TargetEntityType.GetContainerColumnName()!).ToList();
                _inserts[type] = statement = Prepare(
                    $"INSERT INTO \"{type.GetTableName()}\" ({string.Join(", ", columns.Select(p => $"\"{p.GetColumnName()}\"").Concat(json.Select(c => $"\"{c}\"")))}) " +
                    $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}").Concat(json.Select(_ => "'[]'")))})",
                    columns);
            }
            for (var i = 0; i < statement.Properties.Length; i++) statement.Bind(i, valueOf(statement.Properties[i]));
            statement.Command.Execute();
            return numbered ? statement.Command.LastInsertRowId : null;
        }

        /// <summary>The entry's changed columns, its complex properties' included.</summary>
        private static IEnumerable<PropertyEntry> Modified(EntityEntry entry) =>
            entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties))
                .Where(p => p.IsModified && p.Metadata.GetAfterSaveBehavior() == PropertySaveBehavior.Save);

        private Statement Prepare(string sql, IProperty[] properties)
        {
            // Typed by the model's mapping, as EF types its own parameters: the type decides how a value is stored.
            using var typing = transaction.Connection!.CreateCommand();
            var types = properties.Select((p, i) =>
                ((SqliteParameter)p.GetRelationalTypeMapping().CreateParameter(typing, $"$p{i}", null, p.IsNullable)).SqliteType).ToArray();
            return new Statement(new SqliteRawStatement(transaction.Connection, sql, types), properties, [.. properties.Select(p => p.GetTypeMapping().Converter)]);
        }

        public void Dispose()
        {
            foreach (var statement in _updates.Values.Concat(_inserts.Values)) statement.Command.Dispose();
        }
    }

    private sealed record Statement(SqliteRawStatement Command, IProperty[] Properties, ValueConverter?[] Converters)
    {
        public void Bind(int i, object? value) =>
            Command.Bind(i, value is null ? null : Converters[i] is { } converter ? converter.ConvertToProvider(value) : value);
    }

    /// <summary>Statement shapes compared by their properties, in order.</summary>
    private sealed class PropertiesComparer : IEqualityComparer<IProperty[]>
    {
        public static readonly PropertiesComparer Instance = new();

        public bool Equals(IProperty[]? x, IProperty[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(IProperty[] properties)
        {
            var hash = new HashCode();
            foreach (var property in properties) hash.Add(property);
            return hash.ToHashCode();
        }
    }
}
