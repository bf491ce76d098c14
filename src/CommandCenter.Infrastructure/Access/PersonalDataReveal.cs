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
public sealed class PersonalDataReveal(UnitOfWork unitOfWork, TimeProvider clock)
{
    public Task<Reporter> RevealAsync(Post post, Guid caseId, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var reporter = await db.Cases.AsNoTracking().VisibleTo(post).Where(c => c.Id == caseId)
                .Select(c => new Reporter(c.ReporterName, c.ReporterPhone))
                .SingleOrDefaultAsync(cancellationToken) ?? throw new CaseNotFoundException(caseId);
            if (!post.Can(Capability.RevealPersonalData)) throw new AccessRefusedException(AccessRefusal.ReadOnly);
            db.AuditEntries.Add(AuditLog.EntryOf(post, AuditActions.PersonalDataRevealed, clock.GetUtcNow().UtcDateTime, caseId));
            return reporter;
        }, cancellationToken);
}
