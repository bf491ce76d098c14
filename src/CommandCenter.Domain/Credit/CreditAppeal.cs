using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Credit;

/// <summary>异议: a company disputes one of its items; the street decides it (<see cref="CreditAppealDecision"/>).</summary>
public sealed class CreditAppeal
{
    public const int ReasonLength = 500;

    private CreditAppeal() { }

    public long Id { get; private set; }
    public long ItemId { get; private set; }
    public UnitId CompanyId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime FiledAtUtc { get; private set; }
    public string FiledBy { get; private set; } = "";
    public StaffId? FiledByStaffId { get; private set; }

    internal static CreditAppeal File(CreditItem item, string? reason, Actor by, DateTime nowUtc) => new()
    {
        ItemId = item.Id, CompanyId = item.CompanyId, Reason = PlainText.Required(reason, "reason", ReasonLength),
        FiledAtUtc = nowUtc, FiledBy = by.Name, FiledByStaffId = by.StaffId,
    };
}

/// <summary>The street's answer to an appeal, a new record: the appeal and its item stay as they were written.</summary>
public sealed class CreditAppealDecision
{
    public const int NoteLength = 500;

    private CreditAppealDecision() { }

    public long Id { get; private set; }
    public long AppealId { get; private set; }
    public AppealOutcome Outcome { get; private set; }
    public string? Note { get; private set; }
    public DateTime DecidedAtUtc { get; private set; }
    public string DecidedBy { get; private set; } = "";
    public StaffId? DecidedByStaffId { get; private set; }

    internal static CreditAppealDecision Of(CreditAppeal appeal, AppealOutcome outcome, string? note, Actor by, DateTime nowUtc) => new()
    {
        AppealId = appeal.Id, Outcome = KnownValue.Of(outcome, "outcome"), Note = PlainText.Optional(note, "note", NoteLength),
        DecidedAtUtc = nowUtc, DecidedBy = by.Name, DecidedByStaffId = by.StaffId,
    };
}
