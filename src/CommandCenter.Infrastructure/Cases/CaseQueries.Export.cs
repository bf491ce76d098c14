using CommandCenter.Domain.Access;
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
        await foreach (var row in Sort(Filter(db, post, query, walkSortOrder: true), query).Select(ListRow).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return ToItem(row);
    }
}
