using CommandCenter.Domain.Notices;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Notices;

/// <summary>
/// One message to one person, a row of the outbox: stored in the transaction of the change that
/// caused it, and sent afterwards by <see cref="NoticeWorker"/>. <see cref="Key"/> goes with every
/// try, so a gateway that sees it twice (a worker killed after sending, before marking) sends it once.
/// </summary>
public sealed class Notice
{
    public const int MaxErrorLength = 500;

    public long Id { get; init; }
    public Guid Key { get; init; } = Guid.NewGuid();
    public NoticeKind Kind { get; init; }
    public Guid? CaseId { get; init; }
    public string? CaseNumber { get; init; }
    /// <summary>The staff member told; null for a resident.</summary>
    public StaffId? StaffId { get; init; }
    public required string RecipientName { get; init; }
    public required string Phone { get; init; }
    public required string Text { get; init; }
    /// <summary>
    /// The revision of its kind's template the text was written from (0: the shipped text); null for a notice written
    /// before it was kept. Says which wording a notice had when an edit met it in flight (decision 0019).
    /// </summary>
    public int? TemplateRevision { get; init; }
    public bool IsUrgent { get; init; }
    public DateTime CreatedAtUtc { get; init; }

    public NoticeState State { get; set; }
    public int Attempts { get; set; }
    /// <summary>When a worker may next try it (Pending), or when its claim lapses (Sending).</summary>
    public DateTime DueAtUtc { get; set; }
    public Guid? ClaimToken { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }
}

/// <summary>One revision of a kind's template; the newest is used. Kept, so a past wording can be read.</summary>
public sealed class StoredNoticeTemplate
{
    public int Id { get; init; }
    public NoticeKind Kind { get; init; }
    public int Revision { get; init; }
    public required string Text { get; init; }
    public required string ChangedBy { get; init; }
    public DateTime ChangedAtUtc { get; init; }
}
