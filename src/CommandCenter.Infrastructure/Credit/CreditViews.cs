using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Credit;

/// <summary>A new item by hand: an award, a judgment or a manual entry.</summary>
public sealed record CreditItemInput(UnitId? CompanyId, CreditSource? Source, DateOnly? Date, int? Points, string? Reason, bool Veto = false, DateOnly? ValidUntil = null);

/// <summary>A month's inspection score (0–100) of a company.</summary>
public sealed record InspectionInput(UnitId? CompanyId, int? Year, int? Month, int? Score, string? Note = null);

public sealed record AppealInput(long? ItemId, string? Reason);

public sealed record AppealDecisionInput(AppealOutcome? Outcome, string? Note = null);

/// <summary>A committee's stars for a year, one entry per dimension.</summary>
public sealed record CommitteeRatingInput(CourtyardId? CourtyardId, int? Year, IReadOnlyDictionary<CommitteeDimension, int>? Stars);

/// <summary>The street's bands as an editor sends them: the lowest score of each, the month they hold from, the revision it saw.</summary>
public sealed record CreditBandsInput(int? Aaa, int? Aa, int? A, int? B, int? FromYear, int? FromMonth, int? ExpectedRevision);

/// <summary>One revision of the bands as the API shows it; revision 0 is the defaults.</summary>
public sealed record CreditBandRevisionView(int Revision, string? From, int Aaa, int Aa, int A, int B);

/// <summary>The bands' revisions, newest first, and the defaults that hold before the first.</summary>
public sealed record CreditBandsView(int Latest, IReadOnlyList<CreditBandRevisionView> Revisions, CreditBandRevisionView Defaults)
{
    public static CreditBandsView Of(CreditBandHistory history) =>
        new(history.Latest, [.. history.Revisions.Reverse().Select(RevisionOf)], View(0, null, CreditBands.Defaults));

    public static CreditBandRevisionView RevisionOf(CreditBandRevision revision) => View(revision.Revision, revision.From.Key, revision.Bands);

    private static CreditBandRevisionView View(int revision, string? from, CreditBands bands) => new(revision, from, bands.AAA, bands.AA, bands.A, bands.B);
}

public sealed record CreditCompanyRow(UnitId CompanyId, string Name, CreditStanding Standing, int PendingAppeals);

public sealed record CreditAppealView(long Id, long ItemId, string Reason, DateTime FiledAtUtc, string FiledBy, AppealState State,
    string? DecidedBy, DateTime? DecidedAtUtc, string? Note);

public sealed record CreditItemView(long Id, CreditSource Source, DateOnly Date, int Points, DateOnly ValidUntil, bool Veto, string Reason,
    string RecordedBy, DateTime RecordedAtUtc, bool InForce, bool Void, IReadOnlyList<CreditAppealView> Appeals);

public sealed record CreditLedgerView(UnitId CompanyId, string Name, DateOnly Day, CreditStanding Standing, IReadOnlyList<CreditItemView> Items)
{
    public static CreditLedgerView Of(CreditLedger ledger, string name, DateOnly day, CreditBands bands) =>
        new(ledger.CompanyId, name, day, ledger.StandingOn(day, bands),
            [.. ledger.Items.OrderByDescending(i => i.Date).ThenByDescending(i => i.Id).Select(item => ItemOf(ledger, item, day))]);

    private static CreditItemView ItemOf(CreditLedger ledger, CreditItem item, DateOnly day) =>
        new(item.Id, item.Source, item.Date, item.Points, item.ValidUntil, item.Veto, item.Reason, item.RecordedBy, item.RecordedAtUtc,
            item.InForceOn(day), ledger.IsVoid(item), [.. ledger.AppealsOn(item).Select(a => AppealOf(ledger, a))]);

    private static CreditAppealView AppealOf(CreditLedger ledger, CreditAppeal appeal)
    {
        var decision = ledger.DecisionOn(appeal);
        return new(appeal.Id, appeal.ItemId, appeal.Reason, appeal.FiledAtUtc, appeal.FiledBy, ledger.StateOf(appeal),
            decision?.DecidedBy, decision?.DecidedAtUtc, decision?.Note);
    }
}

/// <summary>A published list; <see cref="RulesRevision"/> is the credit rules' revision that made the month's items (0: the defaults).</summary>
public sealed record CreditPublicationView(string Month, DateTime PublishedAtUtc, string PublishedBy, int RulesRevision, IReadOnlyList<CreditPublicationRowView> Rows)
{
    public static CreditPublicationView Of(CreditPublication p) =>
        new(p.Month, p.PublishedAtUtc, p.PublishedBy, p.RulesRevision, [.. p.Rows.OrderBy(r => r.Rank).ThenBy(r => r.CompanyName, StringComparer.Ordinal)
            .Select(r => new CreditPublicationRowView(r.CompanyId, r.CompanyName, r.Rank, r.Score, r.Band, r.Listing))]);
}

public sealed record CreditPublicationRowView(UnitId CompanyId, string Name, int Rank, int Score, CreditBand Band, CreditListing Listing);

public sealed record CommitteeRatingView(CourtyardId CourtyardId, string Courtyard, int Year, IReadOnlyDictionary<CommitteeDimension, int> Stars,
    decimal Overall, string RatedBy, DateTime RatedAtUtc)
{
    public static CommitteeRatingView Of(CommitteeRating r, string courtyard) =>
        new(r.CourtyardId, courtyard, r.Year, Enum.GetValues<CommitteeDimension>().ToDictionary(d => d, r.StarsOn), r.Overall, r.RatedBy, r.RatedAtUtc);
}

/// <summary>The street's credit rules as an editor sends them (every value required), the month they hold from, the revision it saw.</summary>
public sealed record CreditRulesInput(
    int? OverduePoints, int? ReworkPoints, int? UnsatisfiedPoints, int? DeductionCap,
    int? SatisfactionPoints, int? SatisfactionPercent, int? SatisfactionMinimumRatings,
    int? InspectionExcellentFrom, int? InspectionExcellentPoints, int? InspectionGoodFrom, int? InspectionGoodPoints,
    int? InspectionPassFrom, int? InspectionPassPoints, int? InspectionFailPoints, int? ValidityMonths,
    int? FromYear, int? FromMonth, int? ExpectedRevision)
{
    /// <summary>The rules, each value required and in its range (422 with the field otherwise).</summary>
    public CreditRules ToRules() => CreditRules.Of(
        Required(OverduePoints, "overduePoints"), Required(ReworkPoints, "reworkPoints"), Required(UnsatisfiedPoints, "unsatisfiedPoints"),
        Required(DeductionCap, "deductionCap"), Required(SatisfactionPoints, "satisfactionPoints"), Required(SatisfactionPercent, "satisfactionPercent"),
        Required(SatisfactionMinimumRatings, "satisfactionMinimumRatings"), Required(InspectionExcellentFrom, "inspectionExcellentFrom"),
        Required(InspectionExcellentPoints, "inspectionExcellentPoints"), Required(InspectionGoodFrom, "inspectionGoodFrom"),
        Required(InspectionGoodPoints, "inspectionGoodPoints"), Required(InspectionPassFrom, "inspectionPassFrom"),
        Required(InspectionPassPoints, "inspectionPassPoints"), Required(InspectionFailPoints, "inspectionFailPoints"),
        Required(ValidityMonths, "validityMonths"));

    /// <summary>The rules' names in the order of <see cref="ValuesOf"/>: the editor's fields and table rows.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        nameof(OverduePoints), nameof(ReworkPoints), nameof(UnsatisfiedPoints), nameof(DeductionCap),
        nameof(SatisfactionPoints), nameof(SatisfactionPercent), nameof(SatisfactionMinimumRatings),
        nameof(InspectionExcellentFrom), nameof(InspectionExcellentPoints), nameof(InspectionGoodFrom), nameof(InspectionGoodPoints),
        nameof(InspectionPassFrom), nameof(InspectionPassPoints), nameof(InspectionFailPoints), nameof(ValidityMonths),
    ];

    public static IReadOnlyList<int> ValuesOf(CreditRules r) =>
    [
        r.OverduePoints, r.ReworkPoints, r.UnsatisfiedPoints, r.DeductionCap, r.SatisfactionPoints, r.SatisfactionPercent, r.SatisfactionMinimumRatings,
        r.InspectionExcellentFrom, r.InspectionExcellentPoints, r.InspectionGoodFrom, r.InspectionGoodPoints,
        r.InspectionPassFrom, r.InspectionPassPoints, r.InspectionFailPoints, r.ValidityMonths,
    ];

    /// <summary>An editor's form: <paramref name="values"/> in the order of <see cref="Fields"/>.</summary>
    public static CreditRulesInput Of(IReadOnlyList<int?> values, int? fromYear, int? fromMonth, int? expectedRevision) => new(
        values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
        values[8], values[9], values[10], values[11], values[12], values[13], values[14], fromYear, fromMonth, expectedRevision);

    private static int Required(int? value, string field) => Cases.RequestField.Required(value, field);
}

/// <summary>One revision of the credit rules as the API shows it; revision 0 is the defaults.</summary>
public sealed record CreditRuleRevisionView(int Revision, string? From, CreditRules Rules);

/// <summary>The rules' revisions, newest first, and the defaults that hold before the first.</summary>
public sealed record CreditRulesView(int Latest, IReadOnlyList<CreditRuleRevisionView> Revisions, CreditRuleRevisionView Defaults)
{
    public static CreditRulesView Of(CreditRuleHistory history) =>
        new(history.Latest, [.. history.Revisions.Reverse().Select(RevisionOf)], new CreditRuleRevisionView(0, null, CreditRules.Defaults));

    public static CreditRuleRevisionView RevisionOf(CreditRuleRevision revision) => new(revision.Revision, revision.From.Key, revision.Rules);
}
