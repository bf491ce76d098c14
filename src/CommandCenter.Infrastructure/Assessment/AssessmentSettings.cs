using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Assessment;

/// <summary>The street's assessment settings as an administrator changes them; each change audited in the same transaction.</summary>
public sealed class AssessmentSettings(UnitOfWork unitOfWork, TimeProvider clock)
{
    /// <summary>Whether 默认满意 counts as satisfied in 满意率 (<see cref="AssessmentQueries.DefaultSatisfiedCountsAsync"/> reads it).</summary>
    public Task SetDefaultSatisfiedCountsAsync(Post by, bool counts, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var street = await db.Streets.FirstAsync(cancellationToken);
            street.CountDefaultSatisfied(counts);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.AssessmentSettingsUpdated, clock.GetUtcNow().UtcDateTime,
                detail: $"DefaultSatisfiedCounts={counts}"));
        }, cancellationToken);
}
