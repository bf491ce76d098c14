using CommandCenter.Infrastructure.Cases;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Access;

/// <summary>An audit entry as the audit page lists it: with the number people know the case by.</summary>
public sealed record AuditRow(AuditRecord Entry, string? CaseNumber);

public sealed partial class AuditLog
{
    /// <summary>
    /// <see cref="QueryAsync"/> with each entry's case number looked up in the same SQL statement,
    /// so a page of the log costs one query however many cases it names.
    /// </summary>
    public async Task<PagedResult<AuditRow>> QueryWithCaseNumbersAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PageAsync(db, query, entries => entries.Select(e =>
            new AuditRow(e, db.Cases.Where(c => c.Id == e.CaseId).Select(c => c.Number).FirstOrDefault())), cancellationToken);
    }
}
