using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Assessment.Scoring;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Assessment.Scoring;

/// <summary>
/// The monthly 红黑榜: published once per street and month by a street leader, after the month is over, from that street's
/// cases alone (docs/decisions/0017), as a frozen
/// snapshot (unit or person, score, grade, rank, scheme revision) of each kind's top N and bottom N — every kind of unit,
/// and the dispatchers and grid workers by their own schemes. A case that closes
/// later moves the month's live figures (docs/decisions/0006), never what was published.
/// </summary>
public sealed class HonourRolls(
    IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, UnitScores scores, PersonScores personScores,
    OrganisationDirectory directory, TimeProvider clock)
{
    /// <param name="street">The street asked for; null: the publisher's own street, else the district's only one.</param>
    public async Task<PublishedHonourRoll> PublishAsync(Post by, StreetId? street, int year, int month, CancellationToken cancellationToken = default)
    {
        var streetId = StreetOf(by, street);
        var period = AssessmentPeriod.Month(year, month);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < period.ToUtc) throw new DomainValidationException("MonthNotOver", "A month's 红黑榜 is published once the month is over.", "month");
        if (await OfMonthAsync(streetId, year, month, cancellationToken) is not null) throw new HonourRollAlreadyPublishedException(streetId, year, month);
        // Scored as a post of that street: another street's cases are outside it.
        var scorer = StreetFigures.As(by, streetId);

        var entries = new List<HonourRollEntry>();
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            var scored = await scores.OfKindAsync(scorer, period, kind, cancellationToken);
            var ranked = scored.Rows.Where(r => r.Score is not null).Select(r => new Ranked<UnitIndicatorCounts>(r.Unit, r.Score!, r.Rank!.Value)).ToList();
            var (red, black) = Ranking.HonourRoll(ranked, scored.Scheme.ListSize);
            entries.AddRange(red.Select(r => Entry(streetId, year, month, r, HonourList.Red)));
            entries.AddRange(black.Select(r => Entry(streetId, year, month, r, HonourList.Black)));
        }
        var persons = new List<HonourRollPersonEntry>();
        foreach (var kind in Enum.GetValues<PersonKind>())
        {
            var scored = await personScores.OfKindAsync(scorer, period, kind, cancellationToken: cancellationToken);
            var ranked = scored.Rows.Where(r => r.Score is not null).Select(r => new Ranked<PersonIndicatorCounts>(r.Person, r.Score!, r.Rank!.Value)).ToList();
            var (red, black) = Ranking.HonourRoll(ranked, scored.Scheme.ListSize);
            persons.AddRange(red.Select(r => PersonEntry(streetId, year, month, kind, r, HonourList.Red)));
            persons.AddRange(black.Select(r => PersonEntry(streetId, year, month, kind, r, HonourList.Black)));
        }
        var publication = new HonourRollPublication { StreetId = streetId, Year = year, Month = month, PublishedAtUtc = now, PublishedBy = by.Name };
        await unitOfWork.WriteAsync(async db =>
        {
            // Checked again inside the one write path: of two leaders publishing at once, the second is refused.
            if (await db.HonourRolls.AnyAsync(p => p.StreetId == streetId && p.Year == year && p.Month == month, cancellationToken))
                throw new HonourRollAlreadyPublishedException(streetId, year, month);
            db.HonourRolls.Add(publication);
            db.HonourRollEntries.AddRange(entries);
            db.HonourRollPersons.AddRange(persons);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.HonourRollPublished, now, detail: $"红黑榜 {directory.AreaName(streetId)} {year}-{month:00}"));
        }, cancellationToken);
        return new(publication, Ordered(entries), Ordered(persons));
    }

    /// <summary>
    /// The street a post publishes for: the one asked for, else the post's own, else the district's only street. Refused as
    /// the street's scores are (<see cref="StreetFigures"/>): a street the district does not have is not found, one outside
    /// the post's scope is refused.
    /// </summary>
    public StreetId StreetOf(Post post, StreetId? asked)
    {
        var street = ReadStreetOf(asked ?? post.StreetId);
        Refuse(StreetFigures.WhyNot(post, street, exists: true), street);
        return street;
    }

    /// <summary>
    /// The post a street's scores are worked out as, so that the scores shown match that street's 红黑榜: the post as a
    /// post of the street asked for (<see cref="StreetFigures"/>), or the post itself when none is asked.
    /// </summary>
    public Post ScorerFor(Post post, StreetId? street)
    {
        if (street is not { } asked) return post;
        Refuse(StreetFigures.WhyNot(post, asked, directory.Street(asked) is not null), asked);
        return StreetFigures.As(post, asked);
    }

    /// <summary>The street whose published 红黑榜 is read (published lists are public): the one asked for, else the district's only street.</summary>
    public StreetId ReadStreetOf(StreetId? asked)
    {
        var street = asked ?? OnlyStreet
            ?? throw new DomainValidationException("HonourRollStreet", "Choose the street whose 红黑榜 this is.", "street");
        Refuse(directory.Street(street) is null ? StreetFiguresRefusal.UnknownStreet : null, street);
        return street;
    }

    /// <summary>One answer for each refusal, wherever a street is asked for: not found, or out of scope.</summary>
    private static void Refuse(StreetFiguresRefusal? refusal, StreetId street)
    {
        switch (refusal)
        {
            case StreetFiguresRefusal.UnknownStreet: throw new UnknownStreetException(street);
            case StreetFiguresRefusal.OutsideScope: throw new AccessRefusedException(AccessRefusal.OutOfScope);
        }
    }

    private StreetId? OnlyStreet => directory.Streets.Count == 1 ? directory.Streets.First().Id : null;

    /// <summary>A street's month's published 红黑榜, or null when it has not been published.</summary>
    public async Task<PublishedHonourRoll?> OfMonthAsync(StreetId street, int year, int month, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var publication = await db.HonourRolls.AsNoTracking()
            .SingleOrDefaultAsync(p => p.StreetId == street && p.Year == year && p.Month == month, cancellationToken);
        return publication is null ? null : await WithEntriesAsync(db, publication, cancellationToken);
    }

    /// <summary>A street's most recent month published, or null before its first.</summary>
    public async Task<PublishedHonourRoll?> LatestAsync(StreetId street, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var publication = await db.HonourRolls.AsNoTracking().Where(p => p.StreetId == street).OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).FirstOrDefaultAsync(cancellationToken);
        return publication is null ? null : await WithEntriesAsync(db, publication, cancellationToken);
    }

    /// <summary>
    /// The list a wall shows: its community's street's, its street's, or the district's only street's; none on a wall of
    /// several streets (each published its own).
    /// </summary>
    public async Task<PublishedHonourRoll?> OfWallAsync(StreetId? street, CommunityId? community, CancellationToken cancellationToken = default)
    {
        var streetId = community is { } id ? directory.Community(id)?.StreetId
            : street ?? OnlyStreet;
        return streetId is { } shown ? await LatestAsync(shown, cancellationToken) : null;
    }

    private static async Task<PublishedHonourRoll> WithEntriesAsync(CommandCenterDbContext db, HonourRollPublication publication, CancellationToken cancellationToken)
    {
        var entries = await db.HonourRollEntries.AsNoTracking()
            .Where(e => e.StreetId == publication.StreetId && e.Year == publication.Year && e.Month == publication.Month)
            .ToListAsync(cancellationToken);
        var persons = await db.HonourRollPersons.AsNoTracking()
            .Where(e => e.StreetId == publication.StreetId && e.Year == publication.Year && e.Month == publication.Month)
            .ToListAsync(cancellationToken);
        return new(publication, Ordered(entries), Ordered(persons));
    }

    /// <summary>By kind, red before black, then the red from the top and the black from the bottom.</summary>
    private static List<HonourRollEntry> Ordered(IEnumerable<HonourRollEntry> entries) =>
        [.. entries.OrderBy(e => e.Kind).ThenBy(e => e.List).ThenBy(e => e.List == HonourList.Red ? e.Rank : -e.Rank).ThenBy(e => e.UnitId.Value)];

    private static List<HonourRollPersonEntry> Ordered(IEnumerable<HonourRollPersonEntry> entries) =>
        [.. entries.OrderBy(e => e.Kind).ThenBy(e => e.List).ThenBy(e => e.List == HonourList.Red ? e.Rank : -e.Rank).ThenBy(e => e.StaffId.Value)];

    private static HonourRollPersonEntry PersonEntry(StreetId street, int year, int month, PersonKind kind, Ranked<PersonIndicatorCounts> r, HonourList list) => new()
    {
        StreetId = street, Year = year, Month = month, StaffId = r.Item.StaffId, Kind = kind, Name = r.Item.Name, List = list,
        Rank = r.Rank, Score = r.Score.Value, Grade = r.Score.Grade, SchemeRevision = r.Score.SchemeRevision,
    };

    private static HonourRollEntry Entry(StreetId street, int year, int month, Ranked<UnitIndicatorCounts> r, HonourList list) => new()
    {
        StreetId = street, Year = year, Month = month, UnitId = r.Item.UnitId, Kind = r.Item.Kind, UnitName = r.Item.Name, List = list,
        Rank = r.Rank, Score = r.Score.Value, Grade = r.Score.Grade, SchemeRevision = r.Score.SchemeRevision,
    };
}
