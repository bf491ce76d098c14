using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Credit;

/// <summary>
/// One dated entry of a property company's credit ledger: points for or against it, in force from its
/// date until <see cref="ValidUntil"/> (excluded). Never changed once written: an appeal and its
/// decision are records of their own (<see cref="CreditAppeal"/>, <see cref="CreditAppealDecision"/>).
/// </summary>
public sealed class CreditItem
{
    public const int MaxPoints = 100;
    public const int ReasonLength = 200;

    private CreditItem() { }

    public long Id { get; private set; }
    public UnitId CompanyId { get; private set; }
    public CreditSource Source { get; private set; }
    public DateOnly Date { get; private set; }
    public int Points { get; private set; }
    /// <summary>The first day the item no longer counts.</summary>
    public DateOnly ValidUntil { get; private set; }
    /// <summary>一票否决: the company is on the black list while this item is in force, whatever its score.</summary>
    public bool Veto { get; private set; }
    public string Reason { get; private set; } = "";
    /// <summary>What makes an automatic or inspection item unique for its company ("2026-11:Overdue"); null for the others.</summary>
    public string? RuleKey { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public StaffId? RecordedByStaffId { get; private set; }

    /// <summary>
    /// A new item; without <paramref name="validUntil"/> it counts for one year from its date. A veto takes
    /// points against the company, and only a judgment or the street's own record can carry one.
    /// </summary>
    public static CreditItem Record(
        UnitId companyId, CreditSource source, DateOnly date, int points, string? reason, Actor by, DateTime nowUtc,
        bool veto = false, DateOnly? validUntil = null, string? ruleKey = null)
    {
        KnownValue.Of(source, "source");
        if (date > ChinaTime.LocalDate(nowUtc))
            throw new DomainValidationException("CreditDateInFuture", "A credit item cannot be dated after today.", "date");
        if (Math.Abs(points) > MaxPoints)
            throw new DomainValidationException("CreditPointsOutOfRange", $"Points are between −{MaxPoints} and {MaxPoints}.", "points");
        if (points == 0 && source is not (CreditSource.Inspection or CreditSource.Automatic))
            throw new DomainValidationException("CreditPointsOutOfRange", "An item by hand carries points.", "points");
        if (veto && (source is not (CreditSource.Judgment or CreditSource.Manual) || points > 0))
            throw new DomainValidationException("VetoNotAllowed", "Only a judgment or a manual item against the company can be a veto.", "veto");
        var until = validUntil ?? date.AddYears(1);
        if (until <= date)
            throw new DomainValidationException("ValidityBeforeDate", "An item is valid until a day after its date.", "validUntil");
        return new CreditItem
        {
            CompanyId = companyId, Source = source, Date = date, Points = points, ValidUntil = until, Veto = veto,
            Reason = PlainText.Required(reason, "reason", ReasonLength), RuleKey = ruleKey,
            RecordedAtUtc = nowUtc, RecordedBy = by.Name, RecordedByStaffId = by.StaffId,
        };
    }

    /// <summary>Whether the item is in force on <paramref name="day"/> (voiding by an appeal aside).</summary>
    public bool InForceOn(DateOnly day) => Date <= day && day < ValidUntil;
}
