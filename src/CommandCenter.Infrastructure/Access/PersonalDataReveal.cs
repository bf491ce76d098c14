using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Access;

/// <summary>
/// Shows one case's reporter unmasked to a post that needs it (DESIGN §9), and logs who looked
/// and when in the same transaction — no reveal without its audit entry.
/// </summary>
public sealed class PersonalDataReveal(IDbContextFactory<CommandCenterDbContext> contexts, WriteGate writeGate, TimeProvider clock)
{
    public async Task<Reporter> RevealAsync(Post post, Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reporter = await db.Cases.AsNoTracking().VisibleTo(post).Where(c => c.Id == caseId)
            .Select(c => new Reporter(c.ReporterName, c.ReporterPhone))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new CaseNotFoundException(caseId);
        if (!post.Can(Capability.RevealPersonalData)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
        using var gate = await writeGate.EnterAsync(cancellationToken);
        db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.PersonalDataRevealed, clock.GetUtcNow().UtcDateTime, caseId));
        await db.SaveChangesAsync(cancellationToken);
        return reporter;
    }
}
