using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Organisation;

/// <summary>
/// The administrator adds the street's units and renames them, and tells the street which unit serves a courtyard from which day (物业更换): one write,
/// audited, in every server's directory at once. Cases keep the unit they had, and so do their figures.
/// </summary>
public sealed class UnitAdministration(UnitOfWork unitOfWork, OrganisationDirectory directory, DirectoryChanges changes, TimeProvider clock)
{
    /// <summary>
    /// From <paramref name="from"/> (street time) <paramref name="incomingId"/> serves the courtyard in place of the unit of its
    /// kind that serves it then; new cases there go to it from that day. 404 for an unknown courtyard, 422 for an unknown unit,
    /// a unit that serves no courtyards, one already serving it, or a day on or before a change already on record.
    /// </summary>
    public Task<CourtyardServiceRow> ReplaceAsync(CourtyardId courtyardId, UnitId incomingId, DateOnly from, Post by, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            if (!await db.Courtyards.AnyAsync(c => c.Id == courtyardId, cancellationToken))
                throw new Deadlines.RecordNotFoundException("Courtyard", courtyardId.ToString());
            var incoming = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == incomingId, cancellationToken)
                ?? throw new UnknownReferenceException("unitId", incomingId.ToString());
            var periods = await db.CourtyardServices
                .Where(s => s.CourtyardId == courtyardId && s.Kind == incoming.Kind).ToListAsync(cancellationToken);
            var servingToday = (await db.Units.AsNoTracking().Where(u => u.Kind == incoming.Kind).ToListAsync(cancellationToken))
                .FirstOrDefault(u => u.ServedCourtyardIds.Contains(courtyardId));
            var started = CourtyardService.Replace(periods, courtyardId, servingToday, incoming, from);
            db.CourtyardServices.AddRange(periods.Where(p => db.Entry(p).State == EntityState.Detached));
            var outgoing = periods.FirstOrDefault(p => p.Until == from);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.CourtyardServiceChanged, clock.GetUtcNow().UtcDateTime,
                detail: $"courtyard {courtyardId}: {(outgoing is null ? "-" : $"unit {outgoing.UnitId}")} → unit {incoming.Id} ({incoming.Name}) from {from:yyyy-MM-dd}"));
            return CourtyardServiceRow.Of(started);
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));

    /// <summary>
    /// Adds a unit (null <paramref name="id"/>) or renames one or moves a committee to another community: one write, audited,
    /// in every server's directory at once. 404 for an unknown id; 422 naming the field for a bad name, a name another unit has,
    /// an unknown community, a committee without one, or a changed kind.
    /// </summary>
    public Task<UnitRow> SaveAsync(UnitId? id, UnitInput input, Post by, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var kind = RequestField.Required(input.Kind, "kind");
            HandlingUnit unit;
            if (id is { } existing)
            {
                var stored = await db.Units.SingleOrDefaultAsync(u => u.Id == existing, cancellationToken)
                    ?? throw new Deadlines.RecordNotFoundException("Unit", existing.ToString());
                unit = stored.Changed(input.Name, kind, input.CommunityId);
                await CheckAsync(db, unit, cancellationToken);
                db.Entry(stored).CurrentValues.SetValues(unit);
            }
            else
            {
                var next = (await db.Units.OrderByDescending(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken)).Value + 1;
                unit = HandlingUnit.New(new UnitId(next), input.Name, kind, input.CommunityId);
                await CheckAsync(db, unit, cancellationToken);
                db.Units.Add(unit);
            }
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.UnitSaved, clock.GetUtcNow().UtcDateTime,
                detail: $"unit {unit.Id} {unit.Name} ({unit.Kind}{(unit.CommunityId is { } c ? $", community {c}" : "")})"));
            return RowOf(unit);
        }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));

    /// <summary>The community exists, and no other unit has the name: the name is how a roster import recognises a unit.</summary>
    public static async Task CheckAsync(CommandCenterDbContext db, HandlingUnit unit, CancellationToken cancellationToken)
    {
        if (unit.CommunityId is { } community && !await db.Communities.AnyAsync(c => c.Id == community, cancellationToken))
            throw new UnknownReferenceException("communityId", community.ToString());
        if (await db.Units.AnyAsync(u => u.Name == unit.Name && u.Id != unit.Id, cancellationToken))
            throw new DomainValidationException("DuplicateUnitName", "Another unit has this name.", "name");
    }

    /// <summary>Every unit with the courtyards it serves today and the periods on record for it.</summary>
    public IReadOnlyList<UnitRow> List() => [.. directory.Units.OrderBy(u => u.Id.Value).Select(RowOf)];

    private UnitRow RowOf(HandlingUnit u) => new(
        u.Id, u.Name, directory.UnitShortName(u.Name), u.Kind, u.Level, u.CommunityId, u.ServedCourtyardIds,
        [.. directory.CourtyardServices.Where(s => s.UnitId == u.Id).OrderBy(s => s.From).Select(CourtyardServiceRow.Of)]);
}

/// <summary>A unit as the administrator writes it; its level follows from its kind, its short name from its name.</summary>
public sealed record UnitInput(string? Name, UnitKind? Kind, CommunityId? CommunityId);

/// <summary>
/// A unit as the administrator sees it: the name the wall shows (<see cref="UnitShortName"/>), what it serves today
/// and its service periods, ended ones included.
/// </summary>
public sealed record UnitRow(
    UnitId Id, string Name, string ShortName, UnitKind Kind, HandlingLevel Level, CommunityId? CommunityId,
    IReadOnlyList<CourtyardId> ServedToday, IReadOnlyList<CourtyardServiceRow> Periods);

/// <summary>One period: null <paramref name="From"/> for "since before the records", null <paramref name="Until"/> while it lasts.</summary>
public sealed record CourtyardServiceRow(UnitId UnitId, CourtyardId CourtyardId, DateOnly? From, DateOnly? Until)
{
    public static CourtyardServiceRow Of(CourtyardService s) => new(s.UnitId, s.CourtyardId, s.From == DateOnly.MinValue ? null : s.From, s.Until);
}
