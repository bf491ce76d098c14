using System.Globalization;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Events;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CommandCenter.Infrastructure.Notices;

/// <summary>
/// Writes the notices a save's new timeline events give rise to (<see cref="NoticeRules"/>) into the
/// same save, so they commit or vanish with the change: a dispatch that fails stores neither the
/// dispatch nor its notice. One interceptor on every context, like <see cref="CaseEventsInterceptor"/>:
/// no writer has to remember to notify. Names and recipients come from the directory in memory, not from
/// queries inside the write, and a save about many cases tells each person once per kind
/// (<see cref="NoticeDigest"/>): a sweep batch that escalates and re-dispatches hundreds of cases writes a
/// few dozen notices, not thousands. The templates too come from memory (<see cref="NoticeTemplates"/>), and each
/// notice keeps the revision it was written from.
/// </summary>
public sealed class NoticeOutbox(IOptions<NoticeOptions> options, OrganisationDirectory directory, NoticeTemplates templates) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CommandCenterDbContext db) AddNoticesAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CommandCenterDbContext db) await AddNoticesAsync(db, cancellationToken);
        return result;
    }

    private async Task AddNoticesAsync(CommandCenterDbContext db, CancellationToken cancellationToken)
    {
        if (CaseEventsInterceptor.IsLoadingHistory(db)) return;
        var entries = db.ChangeTracker.Entries().ToList();
        var added = entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).OfType<TimelineEvent>()
            .Select(e => (Event: e, Kinds: NoticeRules.For(e.Type, e.FromState, e.ToState).ToList()))
            .Where(x => x.Kinds.Count > 0)
            .ToList();
        if (added.Count == 0) return;
        var cases = entries.Select(e => e.Entity).OfType<Case>().ToDictionary(c => c.Id);
        var drafts = new List<Draft>();
        foreach (var (timelineEvent, kinds) in added)
        {
            if (!cases.TryGetValue(timelineEvent.CaseId, out var @case)) continue;
            foreach (var kind in kinds)
                drafts.AddRange(Recipients(kind, @case, timelineEvent).Select(r => new Draft(kind, @case, timelineEvent, r)));
        }
        if (drafts.Count == 0) return;
        var current = templates.Current;
        // A save that concerns several cases tells each person once per kind (NoticeDigest): grouped first,
        // so a sweep batch renders a few dozen texts, not one per case and recipient.
        foreach (var digest in drafts.GroupBy(d => (d.Kind, d.Recipient.Phone, d.Recipient.StaffId)))
        {
            var first = digest.First();
            var template = current[first.Kind];
            var text = NoticeTemplate.Render(template.Text, await ValuesAsync(db, first.Case, first.Event, first.Kind, cancellationToken));
            db.Notices.Add(new Notice
            {
                Kind = first.Kind, CaseId = first.Case.Id, CaseNumber = first.Case.Number, StaffId = first.Recipient.StaffId,
                RecipientName = first.Recipient.Name, Phone = first.Recipient.Phone,
                Text = NoticeDigest.Text(text, [.. digest.Select(d => d.Case.Number)]), TemplateRevision = template.Revision,
                IsUrgent = digest.Any(d => NoticeRules.IsUrgent(d.Kind, d.Case.Urgency)), CreatedAtUtc = first.Event.OccurredAtUtc,
                State = NoticeState.Pending, DueAtUtc = digest.Min(d => d.Event.OccurredAtUtc),
            });
        }
    }

    private sealed record Recipient(string Name, string Phone, Domain.Organisation.StaffId? StaffId);

    private sealed record Draft(NoticeKind Kind, Case Case, TimelineEvent Event, Recipient Recipient);

    private async Task<Dictionary<string, string>> ValuesAsync(
        CommandCenterDbContext db, Case @case, TimelineEvent timelineEvent, NoticeKind kind, CancellationToken cancellationToken)
    {
        var unitId = timelineEvent.UnitId ?? @case.CurrentUnitId;
        var unit = unitId is { } u ? directory.Unit(u)?.Name : null;
        var courtyard = directory.Courtyard(@case.CourtyardId)?.Name;
        var category = directory.Category(@case.CategoryCode)?.Name;
        // Only a resident's notice carries the tracking link: no query for the others.
        var code = NoticeRules.AudienceOf(kind) != NoticeAudience.Reporter ? null
            : db.ChangeTracker.Entries<CaseTracking>().Select(e => e.Entity).FirstOrDefault(t => t.CaseId == @case.Id && !t.IsFollower)?.Code
                ?? await db.CaseTrackings.AsNoTracking().Where(t => t.CaseId == @case.Id && !t.IsFollower).Select(t => t.Code).FirstOrDefaultAsync(cancellationToken);
        var deadline = @case.Clock.HandlingDeadlineUtc is { } due
            ? ChinaTime.ToLocal(due).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture)
            : "";
        return new Dictionary<string, string>
        {
            ["number"] = @case.Number,
            ["category"] = category ?? @case.CategoryCode,
            ["address"] = courtyard ?? "",
            ["deadline"] = deadline,
            ["unit"] = unit ?? "",
            ["link"] = code is null ? "" : $"{options.Value.PublicBaseUrl.TrimEnd('/')}/t/{code}",
        };
    }

    private IReadOnlyList<Recipient> Recipients(NoticeKind kind, Case @case, TimelineEvent timelineEvent)
    {
        switch (NoticeRules.AudienceOf(kind))
        {
            case NoticeAudience.UnitStaff:
                if ((timelineEvent.UnitId ?? @case.CurrentUnitId) is not { } unitId) return [];
                // Anyone with a current post in the unit, whichever post they are acting in now.
                return [.. directory.Staff.Where(s => s.CurrentPosts.Any(p => p.UnitId == unitId) && s.Phone != "").OrderBy(s => s.Id.Value).Select(s => new Recipient(s.Name, s.Phone, s.Id))];
            case NoticeAudience.Dispatchers:
                return [.. directory.Staff.Where(s => s.CurrentPosts.Any(p => p.Role == AccessRole.Dispatcher) && s.Phone != "").OrderBy(s => s.Id.Value)
                    .Select(s => new Recipient(s.Name, s.Phone, s.Id))];
            default:
                return @case.ReporterPhone is { } phone ? [new Recipient(@case.ReporterName ?? "居民", phone, null)] : [];
        }
    }
}
