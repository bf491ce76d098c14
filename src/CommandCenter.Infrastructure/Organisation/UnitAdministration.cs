using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Organisation;

/// <summary>
/// The administrator tells the street which unit serves a courtyard from which day (物业更换): one write,
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

    /// <summary>Every courtyard-level unit with the courtyards it serves today and the periods on record for it.</summary>
    public IReadOnlyList<UnitRow> List() =>
        [.. directory.Units.OrderBy(u => u.Id.Value).Select(u => new UnitRow(
            u.Id, u.Name, u.Kind, u.Level, u.CommunityId, u.ServedCourtyardIds,
            [.. directory.CourtyardServices.Where(s => s.UnitId == u.Id).OrderBy(s => s.From).Select(CourtyardServiceRow.Of)]))];
}

/// <summary>A unit as the administrator sees it: what it serves today and its service periods, ended ones included.</summary>
public sealed record UnitRow(
    UnitId Id, string Name, UnitKind Kind, HandlingLevel Level, CommunityId? CommunityId,
    IReadOnlyList<CourtyardId> ServedToday, IReadOnlyList<CourtyardServiceRow> Periods);

/// <summary>One period: null <paramref name="From"/> for "since before the records", null <paramref name="Until"/> while it lasts.</summary>
public sealed record CourtyardServiceRow(UnitId UnitId, CourtyardId CourtyardId, DateOnly? From, DateOnly? Until)
{
    public static CourtyardServiceRow Of(CourtyardService s) => new(s.UnitId, s.CourtyardId, s.From == DateOnly.MinValue ? null : s.From, s.Until);
}
