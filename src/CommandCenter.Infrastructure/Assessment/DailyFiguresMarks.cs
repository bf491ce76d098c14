using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommandCenter.Infrastructure.Assessment;

/// <summary>
/// Marks in the save itself which stored days of unit, community and person figures the save changes (docs/decisions/0014), so no
/// writer has to remember: a case's, a round's and a counted event's (acceptance, return, escalation, rating, a person's act) instants, old and new (a postponed deadline moves its round from one day
/// to another). Only days before today are marked: today and later are never stored yet, and are counted live until the
/// worker computes them once they are over. An intake touches only today, so it marks nothing; no query runs here.
/// </summary>
public sealed class DailyFiguresMarks(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly string UnsatisfiedDetail = RatingRecords.Detail(Rating.Unsatisfied);

    /// <summary>The timeline events the area and the person ranking count on their day.</summary>
    private static readonly HashSet<CaseEventType> CountedEvents =
        [CaseEventType.Accepted, CaseEventType.Returned, CaseEventType.Escalated, .. RatingRecords.EventTypes, .. PersonActs.AllEvents];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CommandCenterDbContext db) Mark(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CommandCenterDbContext db) Mark(db);
        return ValueTask.FromResult(result);
    }

    private void Mark(CommandCenterDbContext db)
    {
        // One comparison per instant: most are today's, and only a past one needs its China day.
        var todayUtc = ChinaTime.StartOfLocalDayUtc(ChinaTime.LocalDate(clock.GetUtcNow().UtcDateTime));
        var days = new HashSet<DateOnly>();
        var cases = new HashSet<Guid>();
        var everything = false;
        void Add(object? instant)
        {
            if (instant is DateTime utc && utc < todayUtc) days.Add(ChinaTime.LocalDate(utc));
        }
        void AddInstants(IEnumerable<PropertyEntry> properties, EntityState state)
        {
            foreach (var property in properties.Where(p => p.Metadata.ClrType == typeof(DateTime) || p.Metadata.ClrType == typeof(DateTime?)))
            {
                Add(property.CurrentValue);
                if (state != EntityState.Added) Add(property.OriginalValue);
            }
        }

        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                // The round under way lives on the case: each of its counts falls on the day of one of the clock's instants.
                case Case:
                    AddInstants(entry.ComplexProperty(nameof(Case.Clock)).Properties, entry.State);
                    // The area's case is due at its closing when that came before the deadline; its state decides 结案 on the due day.
                    AddInstants([entry.Property(nameof(Case.ClosedAtUtc))], entry.State);
                    // Every round's urgency is read from its case; every count of a case moved elsewhere leaves its community.
                    if (entry.State == EntityState.Modified
                        && (entry.Property(nameof(Case.Urgency)).IsModified || entry.Property(nameof(Case.CommunityId)).IsModified))
                        cases.Add(((Case)entry.Entity).Id);
                    // 不予受理 makes the report it refuses an invalid one, on the day it was reported (a final state: never undone).
                    if (entry.Property(nameof(Case.State)) is { IsModified: true, CurrentValue: CaseState.Rejected })
                        Add(entry.Property(nameof(Case.ReportedAtUtc)).CurrentValue);
                    break;
                case HandlingRecord:
                    AddInstants(entry.Properties, entry.State);
                    break;
                case TimelineEvent e when CountedEvents.Contains(e.Type):
                    Add(e.OccurredAtUtc);
                    // A 不满意 makes the case and the unit's rounds of it unresolved, whenever they fell due; a 退单 makes the
                    // dispatch it follows a returned one, whatever day that was done on.
                    if (e.Detail == UnsatisfiedDetail && RatingRecords.EventTypes.Contains(e.Type) || e.Type == CaseEventType.Returned) cases.Add(e.CaseId);
                    break;
                // Working times are measured by the calendar.
                case CalendarDay:
                    everything = true;
                    break;
            }
        }
        if (everything) db.AssessmentDirtyMarks.Add(new AssessmentDirtyMark());
        db.AssessmentDirtyMarks.AddRange(days.Select(d => new AssessmentDirtyMark { Day = d }));
        db.AssessmentDirtyMarks.AddRange(cases.Select(c => new AssessmentDirtyMark { CaseId = c }));
    }
}
