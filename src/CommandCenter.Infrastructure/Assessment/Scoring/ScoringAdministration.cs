using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Assessment.Scoring;

/// <summary>A scheme as an editor sends it, with the revision it saw; a missing part is refused by name.</summary>
public sealed record ScoringSchemeInput(
    IReadOnlyList<IndicatorWeight>? Weights, IReadOnlyList<CountBand>? CountBands, GradeBands? Grades, int? ListSize, int? ExpectedRevision);

/// <summary>
/// The scoring schemes, one per kind of unit or person, each save a new revision (the old ones stay, for the reports
/// they scored), audited in the same transaction as the time policies are.
/// </summary>
public sealed class ScoringAdministration(IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, TimeProvider clock)
{
    /// <summary>The latest revision of every kind's scheme.</summary>
    public async Task<IReadOnlyDictionary<ScoredKind, ScoringScheme>> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.ScoringSchemes.AsNoTracking()
            .Where(s => s.Revision == db.ScoringSchemes.Where(o => o.Kind == s.Kind).Max(o => o.Revision))
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(s => s.Kind, s => s.ToScheme());
    }

    public async Task<ScoringScheme> CurrentAsync(ScoredKind kind, CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).GetValueOrDefault(KnownValue.Of(kind, "kind"))
        ?? throw new RecordNotFoundException("Scoring scheme", kind.ToString());

    /// <summary>Who saved each revision of a kind's scheme and when, newest first.</summary>
    public async Task<IReadOnlyList<StoredScheme>> HistoryAsync(ScoredKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ScoringSchemes.AsNoTracking().Where(s => s.Kind == kind).OrderByDescending(s => s.Revision).ToListAsync(cancellationToken);
    }

    /// <summary>Saves the scheme as the kind's next revision, given the revision the editor saw; a valid scheme or nothing.</summary>
    public Task<ScoringScheme> SaveAsync(Post by, ScoredKind kind, ScoringSchemeInput input, CancellationToken cancellationToken = default)
    {
        KnownValue.Of(kind, "kind");
        var expected = RequestField.Required(input.ExpectedRevision, "expectedRevision");
        var weights = input.Weights ?? throw Missing("weights");
        var grades = input.Grades ?? throw Missing("grades");
        var listSize = RequestField.Required(input.ListSize, "listSize");
        return unitOfWork.WriteAsync(async db =>
        {
            var current = await db.ScoringSchemes.Where(s => s.Kind == kind).MaxAsync(s => (int?)s.Revision, cancellationToken) ?? 0;
            if (current != expected) throw new StaleRecordException($"The {kind} scoring scheme (now at revision {current}, not {expected})");
            var scheme = ScoringScheme.Create(kind, current + 1, weights, input.CountBands ?? [], grades, listSize);
            var now = clock.GetUtcNow().UtcDateTime;
            db.ScoringSchemes.Add(StoredScheme.Of(scheme, now, by.Name));
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.ScoringSchemeSaved, now, detail: $"{kind} scoring scheme, revision {scheme.Revision}"));
            return scheme;
        }, cancellationToken);
    }

    private static DomainValidationException Missing(string field) => new("Required", $"{field} is required.", field);
}
