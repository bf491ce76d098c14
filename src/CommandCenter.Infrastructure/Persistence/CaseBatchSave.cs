using System.Data.Common;
using System.Runtime.CompilerServices;
using CommandCenter.Domain.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace CommandCenter.Infrastructure.Persistence;

/// <summary>
/// Writes a save's changed cases and the timeline events and handling records they appended without EF Core's
/// command per row, which was most of a timer sweep's time (a batch is hundreds of cases, four rows each) and much of
/// an intake batch's. On SQLite one prepared statement per shape is bound and stepped per row; on PostgreSQL the same
/// statements go to the server together as one batch (one round trip for the whole save). Only for a unit that asks
/// (<see cref="Request"/>), and only for what it writes plainly: a case whose parts, request or supervision changed or
/// were added, or an event with attachments, is left to EF with the rest of the save (the digest's notices, an intake's
/// number counter). Runs as the last interceptor, after the case events and notices were collected from the same
/// entries, inside the unit's transaction; the case's version guards each update as EF's own would, and a stale one
/// fails the save the same way. A unit may instead ask for its new rows given to it untracked to be inserted the same
/// way on SQLite (<see cref="AddNew"/>: the archive's owner list, 150,000 rows).
/// </summary>
public sealed class CaseBatchSave : SaveChangesInterceptor
{
    public static readonly CaseBatchSave Instance = new();

    // Per lease of a pooled context: a context back from the pool has not asked.
    private static readonly ConditionalWeakTable<DbContext, Asked> Requested = [];

    /// <summary>Lets this save write its plain case rows itself (a timer sweep's batch, an intake batch).</summary>
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
        // Synchronous all the way down when async is false: the task is complete when it returns.
        SaveIfRequestedAsync(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await SaveIfRequestedAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    private static async Task SaveIfRequestedAsync(DbContext? db, bool async, CancellationToken cancellationToken)
    {
        if (db is null || !Requested.TryGetValue(db, out var asked) || asked.Lease != db.ContextId.Lease) return;
        if (!db.Database.IsSqlite() && !db.Database.IsNpgsql()) return;
        // A later save of a unit whose new rows went with an earlier one has nothing left to ask.
        if (asked.Inserts.Count == 0 && !asked.Cases) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A batch save runs inside the unit of work's transaction.");
        if (asked.Inserts.Count > 0)
        {
            using var inserts = Writer.For(transaction);
            foreach (var (type, rows) in asked.Inserts)
                foreach (var row in rows) inserts.Insert(type, row);
            await inserts.FlushAsync(async, cancellationToken);
            // Once: a second save of the same unit does not insert them again.
            asked.Inserts.Clear();
        }
        if (!asked.Cases) return;
        var plain = PlainCases(db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList());
        if (plain.Count == 0) return;

        using (var writer = Writer.For(transaction))
        {
            foreach (var (@case, rows) in plain)
            {
                if (@case.State == EntityState.Added) writer.Insert(@case);
                else writer.Update(@case);
                foreach (var row in rows) writer.Insert(row);
            }
            await writer.FlushAsync(async, cancellationToken);
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

    /// <summary>One save's rows, written the provider's way: what each statement says and the values it is given are the same on both.</summary>
    private abstract class Writer : IDisposable
    {
        public static Writer For(DbTransaction transaction) => transaction switch
        {
            SqliteTransaction sqlite => new SqliteWriter(sqlite),
            NpgsqlTransaction npgsql => new NpgsqlWriter(npgsql),
            _ => throw new NotSupportedException($"No batch save for {transaction.GetType().Name}."),
        };

        public abstract void Update(EntityEntry entry);
        public abstract void Insert(EntityEntry entry);
        public abstract void Insert(IEntityType type, object row);

        /// <summary>Sends what is still waiting; a stale case's update fails here at the latest.</summary>
        public virtual ValueTask FlushAsync(bool async, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public abstract void Dispose();
    }

    /// <summary>The statements of one save, one per shape (a table and its columns), built from EF's model and reused row after row.</summary>
    private abstract class Writer<TStatement> : Writer
    {
        private readonly Dictionary<IProperty[], TStatement> _updates = new(PropertiesComparer.Instance);
        private readonly Dictionary<IEntityType, TStatement> _inserts = [];

        protected IEnumerable<TStatement> Statements => _updates.Values.Concat(_inserts.Values);

        /// <summary>The text of the parameter at <paramref name="index"/> (from 0).</summary>
        protected abstract string Parameter(int index);

        /// <summary>What follows an insert whose key the database numbers, for reading that key back.</summary>
        protected abstract string Returning(IProperty key);

        protected abstract TStatement Prepare(string sql, IProperty[] properties);

        /// <summary>Runs (or queues) an update, which must change exactly one row (<see cref="Guard"/>).</summary>
        protected abstract void Update(TStatement statement, object?[] values, IEntityType type);

        /// <summary>Runs (or queues) an insert; <paramref name="numbered"/> is given the key the database gave the row.</summary>
        protected abstract void Insert(TStatement statement, object?[] values, Action<long>? numbered);

        public sealed override void Update(EntityEntry entry)
        {
            var set = Modified(entry).ToList();
            var type = entry.Metadata;
            var where = type.FindPrimaryKey()!.Properties.Concat(type.GetProperties().Where(p => p.IsConcurrencyToken)).ToList();
            var shape = set.Select(p => p.Metadata).ToArray();
            if (!_updates.TryGetValue(shape, out var statement))
                _updates[shape] = statement = Prepare(
                    $"UPDATE \"{type.GetTableName()}\" SET {string.Join(", ", shape.Select((p, i) => $"\"{p.GetColumnName()}\" = {Parameter(i)}"))} " +
                    $"WHERE {string.Join(" AND ", where.Select((p, i) => $"\"{p.GetColumnName()}\" = {Parameter(shape.Length + i)}"))}",
                    [.. shape, .. where]);
            // The key never changes; a concurrency token is matched as it was read.
            Update(statement, [.. set.Select(p => p.CurrentValue), .. where.Select(p => entry.Property(p).OriginalValue)], type);
        }

        public sealed override void Insert(EntityEntry entry) =>
            Insert(entry.Metadata, p => p.IsShadowProperty() ? entry.Property(p).CurrentValue : p.GetGetter().GetClrValueUsingContainingEntity(entry.Entity), id =>
            {
                var key = entry.Property(entry.Metadata.FindPrimaryKey()!.Properties.Single());
                key.CurrentValue = Convert.ChangeType(id, key.Metadata.ClrType, System.Globalization.CultureInfo.InvariantCulture);
                key.IsTemporary = false;
            });

        /// <summary>A row nobody tracks: its values are its own properties' (a shadow property has none to give).</summary>
        public sealed override void Insert(IEntityType type, object row) =>
            Insert(type, p => p.IsShadowProperty()
                ? throw new InvalidOperationException($"{type.ClrType.Name}.{p.Name} is a shadow property: an untracked row cannot give its value.")
                : p.GetGetter().GetClrValueUsingContainingEntity(row), null);

        private void Insert(IEntityType type, Func<IProperty, object?> valueOf, Action<long>? numbered)
        {
            var key = type.FindPrimaryKey()!.Properties.Single();
            // A key the database numbers is read back; one the writer gives is written with the row.
            var byDatabase = key.ValueGenerated != ValueGenerated.Never;
            if (!_inserts.TryGetValue(type, out var statement))
            {
                var columns = type.GetFlattenedProperties().Where(p => (p != key || !byDatabase) && p.GetBeforeSaveBehavior() == PropertySaveBehavior.Save).ToArray();
                // An owned collection stored as JSON in the row: only empty ones come here (PlainCases).
                var json = type.GetNavigations().Where(n => n.TargetEntityType.IsMappedToJson()).Select(n => n.TargetEntityType.GetContainerColumnName()!).ToList();
                _inserts[type] = statement = Prepare(
                    $"INSERT INTO \"{type.GetTableName()}\" ({string.Join(", ", columns.Select(p => $"\"{p.GetColumnName()}\"").Concat(json.Select(c => $"\"{c}\"")))}) " +
                    $"VALUES ({string.Join(", ", columns.Select((_, i) => Parameter(i)).Concat(json.Select(_ => "'[]'")))})" + (byDatabase ? Returning(key) : ""),
                    columns);
            }
            Insert(statement, [.. PropertiesOf(statement).Select(valueOf)], byDatabase ? numbered : null);
        }

        protected abstract IProperty[] PropertiesOf(TStatement statement);

        /// <summary>The version guard: an update that found no row at its version means the case changed since it was read.</summary>
        protected static void Guard(int rowsChanged, IEntityType type)
        {
            if (rowsChanged != 1)
                throw new DbUpdateConcurrencyException(
                    $"The {type.ClrType.Name} changed since it was read: expected to update one row of \"{type.GetTableName()}\".");
        }

        /// <summary>The entry's changed columns, its complex properties' included.</summary>
        private static IEnumerable<PropertyEntry> Modified(EntityEntry entry) =>
            entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties))
                .Where(p => p.IsModified && p.Metadata.GetAfterSaveBehavior() == PropertySaveBehavior.Save);
    }

    /// <summary>SQLite: each statement prepared once and stepped per row on the connection's own handle.</summary>
    private sealed class SqliteWriter(SqliteTransaction transaction) : Writer<SqliteStatement>
    {
        protected override string Parameter(int index) => $"$p{index}";

        // last_insert_rowid() gives the key without a result to read.
        protected override string Returning(IProperty key) => "";

        protected override IProperty[] PropertiesOf(SqliteStatement statement) => statement.Properties;

        protected override SqliteStatement Prepare(string sql, IProperty[] properties)
        {
            // Typed by the model's mapping, as EF types its own parameters: the type decides how a value is stored.
            using var typing = transaction.Connection!.CreateCommand();
            var types = properties.Select((p, i) =>
                ((SqliteParameter)p.GetRelationalTypeMapping().CreateParameter(typing, Parameter(i), null, p.IsNullable)).SqliteType).ToArray();
            return new SqliteStatement(new SqliteRawStatement(transaction.Connection, sql, types), properties, [.. properties.Select(p => p.GetTypeMapping().Converter)]);
        }

        protected override void Update(SqliteStatement statement, object?[] values, IEntityType type) => Guard(statement.Execute(values), type);

        protected override void Insert(SqliteStatement statement, object?[] values, Action<long>? numbered)
        {
            statement.Execute(values);
            numbered?.Invoke(statement.Command.LastInsertRowId);
        }

        public override void Dispose()
        {
            foreach (var statement in Statements) statement.Command.Dispose();
        }
    }

    private sealed record SqliteStatement(SqliteRawStatement Command, IProperty[] Properties, ValueConverter?[] Converters)
    {
        public int Execute(object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
                Command.Bind(i, values[i] is { } value && Converters[i] is { } converter ? converter.ConvertToProvider(value) : values[i]);
            return Command.Execute();
        }
    }

    /// <summary>
    /// PostgreSQL: every row's statement queued in one <see cref="NpgsqlBatch"/> and sent when the save's rows are all
    /// there, in one round trip: EF batches its commands too, but builds, logs and reads back each row's command itself.
    /// </summary>
    private sealed class NpgsqlWriter(NpgsqlTransaction transaction) : Writer<NpgsqlStatement>
    {
        private readonly NpgsqlBatch _batch = new(transaction.Connection, transaction);
        // In the order of the batch's commands: the type an update guards, or where an insert's numbered key goes.
        private readonly List<(IEntityType? Updated, Action<long>? Numbered)> _sent = [];
        // Creates the parameters EF's type mappings configure; never run.
        private readonly NpgsqlCommand _typing = new();

        // Positional: the batch sends the text as it is, without rewriting named parameters.
        protected override string Parameter(int index) => $"${index + 1}";

        protected override string Returning(IProperty key) => $" RETURNING \"{key.GetColumnName()}\"";

        protected override IProperty[] PropertiesOf(NpgsqlStatement statement) => statement.Properties;

        protected override NpgsqlStatement Prepare(string sql, IProperty[] properties) =>
            new(sql, properties, [.. properties.Select(p => p.GetRelationalTypeMapping())]);

        protected override void Update(NpgsqlStatement statement, object?[] values, IEntityType type) => Queue(statement, values, (type, null));

        protected override void Insert(NpgsqlStatement statement, object?[] values, Action<long>? numbered) => Queue(statement, values, (null, numbered));

        private void Queue(NpgsqlStatement statement, object?[] values, (IEntityType?, Action<long>?) sent)
        {
            var command = new NpgsqlBatchCommand(statement.Sql);
            // The mapping converts the value and types the parameter, as EF does for its own commands.
            for (var i = 0; i < values.Length; i++)
                command.Parameters.Add((NpgsqlParameter)statement.Mappings[i].CreateParameter(_typing, "", values[i], statement.Properties[i].IsNullable));
            _batch.BatchCommands.Add(command);
            _sent.Add(sent);
        }

        public override async ValueTask FlushAsync(bool async, CancellationToken cancellationToken)
        {
            if (_sent.Count == 0) return;
            await using (var reader = async ? await _batch.ExecuteReaderAsync(cancellationToken) : _batch.ExecuteReader())
            {
                // Only the numbered inserts return rows, one each, in the batch's order; Npgsql passes over the others.
                var first = true;
                foreach (var numbered in _sent.Select(s => s.Numbered).OfType<Action<long>>())
                {
                    if (!first && !(async ? await reader.NextResultAsync(cancellationToken) : reader.NextResult()) ||
                        !(async ? await reader.ReadAsync(cancellationToken) : reader.Read()))
                        throw new InvalidOperationException("An insert did not return the key the database gave its row.");
                    numbered(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
                    first = false;
                }
            }
            for (var i = 0; i < _sent.Count; i++)
                if (_sent[i].Updated is { } type) Guard(_batch.BatchCommands[i].RecordsAffected, type);
        }

        public override void Dispose()
        {
            _batch.Dispose();
            _typing.Dispose();
        }
    }

    private sealed record NpgsqlStatement(string Sql, IProperty[] Properties, RelationalTypeMapping[] Mappings);

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
