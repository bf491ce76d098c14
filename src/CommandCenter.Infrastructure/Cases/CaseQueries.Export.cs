using System.Data.Common;
using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Cases;

public sealed partial class CaseQueries
{
    /// <summary>
    /// Every case the queue's filters and sort select, streamed row by row from the database for an
    /// export: nothing is paged or held, so a hundred thousand rows keep the server's memory flat.
    /// </summary>
    public async IAsyncEnumerable<CaseListItem> StreamAsync(
        Post post, CaseQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var unmapped = await SqliteReadsWithoutMapAsync(db, cancellationToken);
        await foreach (var row in Sort(Filter(db, post, query, walkSortOrder: true), query).Select(ListRow).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return ToItem(row);
    }

    /// <summary>
    /// On SQLite, the export's connection reads its pages without the memory map the other queries use: an export walks
    /// the case table in its sort order, and every page it touched would stay mapped into the process (at a million cases,
    /// up to the map's 1 GB in the working set). Read by system calls instead, the pages stay in the kernel's file cache.
    /// The connection goes back to the pool with its map as it was.
    /// </summary>
    private static async Task<IAsyncDisposable?> SqliteReadsWithoutMapAsync(CommandCenterDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite()) return null;
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        var mapSize = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA mmap_size=0";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new MapRestore(command, mapSize);
    }

    private sealed class MapRestore(DbCommand command, long mapSize) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Not the request's token: an export the reader broke off still hands its connection back as it found it.
            command.CommandText = $"PRAGMA mmap_size={mapSize}";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            await command.DisposeAsync();
        }
    }
}
