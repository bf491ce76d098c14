using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Credit;

/// <summary>A month whose automatic items were computed: the month is counted once, whoever runs it again.</summary>
public sealed class CreditAutomaticRun
{
    public required string Month { get; init; }
    public DateTime RanAtUtc { get; init; }
    public required string RanBy { get; init; }
    public int ItemsAdded { get; init; }
    /// <summary>The revision of the credit rules that made the items; 0 is the defaults.</summary>
    public int RulesRevision { get; init; }
}

/// <summary>A month's published credit list, frozen: later items, appeals or expiries never change its rows.</summary>
public sealed class CreditPublication
{
    public required string Month { get; init; }
    public DateTime PublishedAtUtc { get; init; }
    public required string PublishedBy { get; init; }
    /// <summary>The revision of the credit rules in force for the month, which made its automatic and inspection items; 0 is the defaults.</summary>
    public int RulesRevision { get; init; }
    public List<CreditPublicationRow> Rows { get; init; } = [];
}

/// <summary>One company as the list published it: its standing on the month's last day and its rank (ties share one).</summary>
public sealed class CreditPublicationRow
{
    public required string Month { get; init; }
    public UnitId CompanyId { get; init; }
    public required string CompanyName { get; init; }
    public int Rank { get; init; }
    public int Score { get; init; }
    public CreditBand Band { get; init; }
    public CreditListing Listing { get; init; }
}

/// <summary>
/// One saved revision of the street's credit bands, never changed once written: each save adds the next
/// revision, in force from the first day of <see cref="FromMonth"/> (docs/decisions/0009).
/// </summary>
public sealed class StoredCreditBands
{
    public int Revision { get; init; }
    public required string FromMonth { get; init; }
    public int Aaa { get; init; }
    public int Aa { get; init; }
    public int A { get; init; }
    public int B { get; init; }
    public DateTime SavedAtUtc { get; init; }
    public required string SavedBy { get; init; }

    public CreditBandRevision ToRevision() =>
        new(Revision, CreditMonth.Parse(FromMonth), new CreditBands(Aaa, Aa, A, B));
}

/// <summary>
/// One saved revision of the street's credit rules, never changed once written: each save adds the next
/// revision, making the automatic items and inspections of <see cref="FromMonth"/> on.
/// </summary>
public sealed class StoredCreditRules
{
    public int Revision { get; init; }
    public required string FromMonth { get; init; }
    public required CreditRules Rules { get; init; }
    public DateTime SavedAtUtc { get; init; }
    public required string SavedBy { get; init; }

    public CreditRuleRevision ToRevision() => new(Revision, CreditMonth.Parse(FromMonth), Rules);
}
