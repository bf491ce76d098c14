using CommandCenter.Domain.Access;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Assessment;

/// <summary>The street's assessment settings as an administrator changes them; each change audited in the same transaction.</summary>
public sealed class AssessmentSettings(UnitOfWork unitOfWork, TimeProvider clock)
{
    /// <summary>
    /// Whether 默认满意 counts as satisfied in 满意率 (<see cref="AssessmentQueries.DefaultSatisfiedCountsAsync"/> reads it):
    /// a street's administrator sets their street's, a district administrator every street's.
    /// </summary>
    public Task SetDefaultSatisfiedCountsAsync(Post by, bool counts, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var street = by.StreetId;
            foreach (var each in await db.Streets.Where(s => street == null || s.Id == street).ToListAsync(cancellationToken))
                each.CountDefaultSatisfied(counts);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.AssessmentSettingsUpdated, clock.GetUtcNow().UtcDateTime,
                detail: $"DefaultSatisfiedCounts={counts}{(street is { } id ? $", street {id}" : "")}"));
        }, cancellationToken);
}
