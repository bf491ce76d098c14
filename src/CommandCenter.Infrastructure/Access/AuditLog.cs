using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Access;

/// <summary>Writes the acts that are not case commands, and reads the log for the audit page.</summary>
public sealed partial class AuditLog(IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, OrganisationDirectory directory, TimeProvider clock)
{
    public Task WriteAsync(Post post, string action, Guid? caseId = null, string? detail = null, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(db => db.AuditEntries.Add(EntryOf(post, action, clock.GetUtcNow().UtcDateTime, caseId, detail)), cancellationToken);

    public static AuditEntry EntryOf(Post post, string action, DateTime atUtc, Guid? caseId = null, string? detail = null) => new()
    {
        AtUtc = atUtc, Action = action, ActorName = post.Name, ActorRole = post.Role, StaffId = post.StaffId, PostNumber = post.PostNumber,
        UnitId = post.UnitId, Source = post.Source, CaseId = caseId,
        // A server database refuses a value longer than its column, and with it the change being audited.
        Detail = detail is { Length: > AuditEntry.MaxDetailLength } ? detail[..(AuditEntry.MaxDetailLength - 1)] + "…" : detail,
    };

    public async Task<PagedResult<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PageAsync(db, query, entries => entries, cancellationToken);
    }

    /// <summary>
    /// One page of the filtered log, projected in the same query that pages it. Newest first by the time
    /// of the act, not of the write: imported and demo history is written out of order.
    /// </summary>
    private async Task<PagedResult<T>> PageAsync<T>(
        CommandCenterDbContext db, AuditQuery query, Func<IQueryable<AuditRecord>, IQueryable<T>> project, CancellationToken cancellationToken)
    {
        query.CheckPost(directory);
        var entries = db.AuditRecords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor)) entries = entries.Where(e => e.ActorName.Contains(query.Actor.Trim()));
        if (query.StaffId is { } staff) entries = entries.Where(e => e.StaffId == staff);
        if (query.PostNumber is { } post) entries = entries.Where(e => e.PostNumber == post);
        if (query.UnitId is { } unit) entries = entries.Where(e => e.UnitId == unit);
        if (query.CaseId is { } caseId) entries = entries.Where(e => e.CaseId == caseId);
        if (query.Source is { } source) entries = entries.Where(e => e.Source == source);
        if (query.FromUtc is { } from) entries = entries.Where(e => e.AtUtc >= from);
        if (query.ToUtc is { } to) entries = entries.Where(e => e.AtUtc < to);
        var pageSize = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var total = await entries.CountAsync(cancellationToken);
        var page = await project(entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.FromTimeline).ThenByDescending(e => e.RowId).Skip(Math.Max(query.Page, 0) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new PagedResult<T>(page, total);
    }
}
