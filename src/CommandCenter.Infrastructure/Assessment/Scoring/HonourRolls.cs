using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Assessment.Scoring;

/// <summary>
/// The monthly 红黑榜: published once per month by a street leader, after the month is over, as a frozen
/// snapshot (unit or person, score, grade, rank, scheme revision) of each kind's top N and bottom N — every kind of unit,
/// and the dispatchers and grid workers by their own schemes. A case that closes
/// later moves the month's live figures (docs/decisions/0006), never what was published.
/// </summary>
public sealed class HonourRolls(
    IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, UnitScores scores, PersonScores personScores, TimeProvider clock)
{
    public async Task<PublishedHonourRoll> PublishAsync(Post by, int year, int month, CancellationToken cancellationToken = default)
    {
        var period = AssessmentPeriod.Month(year, month);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < period.ToUtc) throw new DomainValidationException("MonthNotOver", "A month's 红黑榜 is published once the month is over.", "month");
        if (await OfMonthAsync(year, month, cancellationToken) is not null) throw new HonourRollAlreadyPublishedException(year, month);

        var entries = new List<HonourRollEntry>();
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            var scored = await scores.OfKindAsync(by, period, kind, cancellationToken);
            var ranked = scored.Rows.Where(r => r.Score is not null).Select(r => new Ranked<UnitIndicatorCounts>(r.Unit, r.Score!, r.Rank!.Value)).ToList();
            var (red, black) = Ranking.HonourRoll(ranked, scored.Scheme.ListSize);
            entries.AddRange(red.Select(r => Entry(year, month, r, HonourList.Red)));
            entries.AddRange(black.Select(r => Entry(year, month, r, HonourList.Black)));
        }
        var persons = new List<HonourRollPersonEntry>();
        foreach (var kind in Enum.GetValues<PersonKind>())
        {
            var scored = await personScores.OfKindAsync(by, period, kind, cancellationToken: cancellationToken);
            var ranked = scored.Rows.Where(r => r.Score is not null).Select(r => new Ranked<PersonIndicatorCounts>(r.Person, r.Score!, r.Rank!.Value)).ToList();
            var (red, black) = Ranking.HonourRoll(ranked, scored.Scheme.ListSize);
            persons.AddRange(red.Select(r => PersonEntry(year, month, kind, r, HonourList.Red)));
            persons.AddRange(black.Select(r => PersonEntry(year, month, kind, r, HonourList.Black)));
        }
        var publication = new HonourRollPublication { Year = year, Month = month, PublishedAtUtc = now, PublishedBy = by.Name };
        await unitOfWork.WriteAsync(async db =>
        {
            // Checked again inside the one write path: of two leaders publishing at once, the second is refused.
            if (await db.HonourRolls.AnyAsync(p => p.Year == year && p.Month == month, cancellationToken))
                throw new HonourRollAlreadyPublishedException(year, month);
            db.HonourRolls.Add(publication);
            db.HonourRollEntries.AddRange(entries);
            db.HonourRollPersons.AddRange(persons);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.HonourRollPublished, now, detail: $"红黑榜 {year}-{month:00}"));
        }, cancellationToken);
        return new(publication, Ordered(entries), Ordered(persons));
    }

    /// <summary>A month's published 红黑榜, or null when it has not been published.</summary>
    public async Task<PublishedHonourRoll?> OfMonthAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var publication = await db.HonourRolls.AsNoTracking().SingleOrDefaultAsync(p => p.Year == year && p.Month == month, cancellationToken);
        return publication is null ? null : await WithEntriesAsync(db, publication, cancellationToken);
    }

    /// <summary>The most recent month published, or null before the first.</summary>
    public async Task<PublishedHonourRoll?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var publication = await db.HonourRolls.AsNoTracking().OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).FirstOrDefaultAsync(cancellationToken);
        return publication is null ? null : await WithEntriesAsync(db, publication, cancellationToken);
    }

    private static async Task<PublishedHonourRoll> WithEntriesAsync(CommandCenterDbContext db, HonourRollPublication publication, CancellationToken cancellationToken)
    {
        var entries = await db.HonourRollEntries.AsNoTracking()
            .Where(e => e.Year == publication.Year && e.Month == publication.Month)
            .ToListAsync(cancellationToken);
        var persons = await db.HonourRollPersons.AsNoTracking()
            .Where(e => e.Year == publication.Year && e.Month == publication.Month)
            .ToListAsync(cancellationToken);
        return new(publication, Ordered(entries), Ordered(persons));
    }

    /// <summary>By kind, red before black, then the red from the top and the black from the bottom.</summary>
    private static List<HonourRollEntry> Ordered(IEnumerable<HonourRollEntry> entries) =>
        [.. entries.OrderBy(e => e.Kind).ThenBy(e => e.List).ThenBy(e => e.List == HonourList.Red ? e.Rank : -e.Rank).ThenBy(e => e.UnitId.Value)];

    private static List<HonourRollPersonEntry> Ordered(IEnumerable<HonourRollPersonEntry> entries) =>
        [.. entries.OrderBy(e => e.Kind).ThenBy(e => e.List).ThenBy(e => e.List == HonourList.Red ? e.Rank : -e.Rank).ThenBy(e => e.StaffId.Value)];

    private static HonourRollPersonEntry PersonEntry(int year, int month, PersonKind kind, Ranked<PersonIndicatorCounts> r, HonourList list) => new()
    {
        Year = year, Month = month, StaffId = r.Item.StaffId, Kind = kind, Name = r.Item.Name, List = list,
        Rank = r.Rank, Score = r.Score.Value, Grade = r.Score.Grade, SchemeRevision = r.Score.SchemeRevision,
    };

    private static HonourRollEntry Entry(int year, int month, Ranked<UnitIndicatorCounts> r, HonourList list) => new()
    {
        Year = year, Month = month, UnitId = r.Item.UnitId, Kind = r.Item.Kind, UnitName = r.Item.Name, List = list,
        Rank = r.Rank, Score = r.Score.Value, Grade = r.Score.Grade, SchemeRevision = r.Score.SchemeRevision,
    };
}
