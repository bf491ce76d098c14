using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Notices;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Infrastructure.Notices;

public sealed record NoticeTemplateView(NoticeKind Kind, string Text, int Revision, string? ChangedBy, DateTime? ChangedAtUtc);

/// <summary>A template as an editor sends it, with the revision the editor saw.</summary>
public sealed record NoticeTemplateInput(string? Text, int? ExpectedRevision);

/// <summary>A notice as pages and the API show it; the phone masked (DESIGN §9).</summary>
public sealed record NoticeView(
    long Id, Guid Key, NoticeKind Kind, string? CaseNumber, string RecipientName, string Phone, string Text, bool IsUrgent,
    NoticeState State, int Attempts, DateTime CreatedAtUtc, DateTime DueAtUtc, DateTime? SentAtUtc, string? LastError)
{
    public static NoticeView Of(Notice n) => new(n.Id, n.Key, n.Kind, n.CaseNumber, n.RecipientName, PersonalData.MaskPhone(n.Phone) ?? "",
        n.Text, n.IsUrgent, n.State, n.Attempts, n.CreatedAtUtc, n.DueAtUtc, n.SentAtUtc, n.LastError);
}

/// <summary>
/// The administrator's side of notices: templates saved as new revisions and audited in the same
/// write, then held anew on every server like the directory; the outbox read by state, and a dead letter sent again (audited).
/// </summary>
public sealed class NoticeAdministration(
    IDbContextFactory<CommandCenterDbContext> contexts, UnitOfWork unitOfWork, DirectoryChanges changes, TimeProvider clock)
{
    public const int PageSize = 100;

    /// <summary>
    /// From the database, not this server's memory: the editor sends back the revision it saw, and a server that missed
    /// an announcement must not keep refusing its own editor as stale.
    /// </summary>
    public async Task<IReadOnlyList<NoticeTemplateView>> TemplatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. (await NoticeTemplates.ReadAsync(db, cancellationToken)).Values.OrderBy(t => t.Kind)];
    }

    public async Task<NoticeTemplateView> SaveTemplateAsync(Post by, NoticeKind kind, NoticeTemplateInput input, CancellationToken cancellationToken = default)
    {
        var expected = RequestField.Required(input.ExpectedRevision, "expectedRevision");
        var text = PlainText.Required(input.Text, "text", NoticeTemplate.MaxLength);
        if (NoticeTemplate.UnknownPlaceholders(text) is { Count: > 0 } unknown)
            throw new DomainValidationException("UnknownPlaceholder", $"Unknown placeholders: {string.Join(", ", unknown)}.", "text");
        try
        {
            return await unitOfWork.WriteAsync(async db =>
            {
                var revision = await db.NoticeTemplates.Where(t => t.Kind == kind).MaxAsync(t => (int?)t.Revision, cancellationToken) ?? 0;
                if (revision != expected)
                    throw new StaleRecordException($"The {kind} notice template (now at revision {revision}, not {expected})");
                var now = clock.GetUtcNow().UtcDateTime;
                db.NoticeTemplates.Add(new StoredNoticeTemplate { Kind = kind, Revision = revision + 1, Text = text, ChangedBy = by.Name, ChangedAtUtc = now });
                db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.NoticeTemplateSaved, now, detail: $"{kind} revision {revision + 1}: {text}"));
                return new NoticeTemplateView(kind, text, revision + 1, by.Name, now);
            }, cancellationToken, afterCommit: db => changes.AfterCommitAsync(db, cancellationToken));
        }
        catch (DbUpdateException)
        {
            throw new StaleRecordException($"The {kind} notice template");
        }
    }

    public async Task<IReadOnlyList<NoticeView>> ListAsync(NoticeState? state, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Notices.AsNoTracking();
        if (state is { } s) query = query.Where(n => n.State == s);
        var notices = await query.OrderByDescending(n => n.Id).Take(PageSize).ToListAsync(cancellationToken);
        return [.. notices.Select(NoticeView.Of)];
    }

    public async Task<IReadOnlyList<NoticeView>> OfCaseAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notices = await db.Notices.AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        return [.. notices.Select(NoticeView.Of)];
    }

    /// <summary>The notices sent or on their way to one staff member, newest first (the phone pages' list).</summary>
    public async Task<IReadOnlyList<NoticeView>> OfStaffAsync(StaffId staffId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notices = await db.Notices.AsNoTracking().Where(n => n.StaffId == staffId).OrderByDescending(n => n.Id).Take(PageSize).ToListAsync(cancellationToken);
        return [.. notices.Select(NoticeView.Of)];
    }

    /// <summary>Puts a dead letter back in the outbox with fresh tries; its key stays, so a gateway that did get it drops the repeat.</summary>
    public Task<bool> ResendAsync(Post by, long noticeId, CancellationToken cancellationToken = default) =>
        unitOfWork.WriteAsync(async db =>
        {
            var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
            if (notice is not { State: NoticeState.DeadLetter }) return false;
            var now = clock.GetUtcNow().UtcDateTime;
            (notice.State, notice.Attempts, notice.DueAtUtc) = (NoticeState.Pending, 0, now);
            db.AuditEntries.Add(AuditLog.EntryOf(by, AuditActions.NoticeResent, now, notice.CaseId, $"Notice {notice.Id} ({notice.Kind}) to {PersonalData.MaskPhone(notice.Phone)}"));
            return true;
        }, cancellationToken);
}
