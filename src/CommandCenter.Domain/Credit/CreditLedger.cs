using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Credit;

/// <summary>A company's standing on one day: its score, band and place on the 红黑榜.</summary>
public sealed record CreditStanding(int Score, CreditBand Band, bool Vetoed, CreditListing Listing);

/// <summary>
/// One property company's credit ledger: its items, the appeals against them and the street's
/// decisions. Score = <see cref="BaseScore"/> + the points of the items in force and not voided,
/// held within 0 to 100 (docs/decisions/0009). An item is void once an appeal against it is upheld.
/// Appeals and decisions come from here so that their rules are checked against the whole ledger.
/// </summary>
public sealed class CreditLedger
{
    public const int BaseScore = 80;
    public const int MinScore = 0;
    public const int MaxScore = 100;

    private readonly Dictionary<long, CreditAppealDecision> _decisions;

    public CreditLedger(UnitId companyId, IEnumerable<CreditItem> items, IEnumerable<CreditAppeal> appeals, IEnumerable<CreditAppealDecision> decisions)
    {
        CompanyId = companyId;
        Items = [.. items.Where(i => i.CompanyId == companyId).OrderBy(i => i.Date).ThenBy(i => i.Id)];
        Appeals = [.. appeals.Where(a => a.CompanyId == companyId).OrderBy(a => a.FiledAtUtc)];
        var appealIds = Appeals.Select(a => a.Id).ToHashSet();
        _decisions = decisions.Where(d => appealIds.Contains(d.AppealId)).ToDictionary(d => d.AppealId);
    }

    public UnitId CompanyId { get; }
    public IReadOnlyList<CreditItem> Items { get; }
    public IReadOnlyList<CreditAppeal> Appeals { get; }

    public CreditAppealDecision? DecisionOn(CreditAppeal appeal) => _decisions.GetValueOrDefault(appeal.Id);

    public AppealState StateOf(CreditAppeal appeal) => DecisionOn(appeal)?.Outcome switch
    {
        AppealOutcome.Upheld => AppealState.Upheld,
        AppealOutcome.Rejected => AppealState.Rejected,
        _ => AppealState.Pending,
    };

    public IEnumerable<CreditAppeal> AppealsOn(CreditItem item) => Appeals.Where(a => a.ItemId == item.Id);

    /// <summary>Void: an appeal against it was upheld.</summary>
    public bool IsVoid(CreditItem item) => AppealsOn(item).Any(a => StateOf(a) == AppealState.Upheld);

    public bool Counts(CreditItem item, DateOnly day) => item.InForceOn(day) && !IsVoid(item);

    public CreditStanding StandingOn(DateOnly day, CreditBands bands)
    {
        var counted = Items.Where(i => Counts(i, day)).ToList();
        var score = Math.Clamp(BaseScore + counted.Sum(i => i.Points), MinScore, MaxScore);
        var band = bands.Of(score);
        var vetoed = counted.Any(i => i.Veto);
        var listing = vetoed || band == CreditBand.C ? CreditListing.Black : band == CreditBand.AAA ? CreditListing.Red : CreditListing.Ordinary;
        return new CreditStanding(score, band, vetoed, listing);
    }

    /// <summary>
    /// 异议 against an item still in force and not void, one at a time: a second appeal waits for the
    /// first's decision, and an item whose appeal was rejected stands (no appeal after a rejection).
    /// </summary>
    public CreditAppeal Appeal(long itemId, string? reason, Actor by, DateTime nowUtc)
    {
        var item = Items.SingleOrDefault(i => i.Id == itemId)
            ?? throw new DomainValidationException("UnknownCreditItem", $"Item {itemId} is not on this company's ledger.", "itemId");
        if (!item.InForceOn(ChinaTime.LocalDate(nowUtc)))
            throw new DomainException("CreditItemExpired", "The item no longer counts; there is nothing to appeal.");
        var states = AppealsOn(item).Select(StateOf).ToList();
        if (states.Contains(AppealState.Pending))
            throw new DomainException("AppealPending", "This item's appeal waits for the street's decision.");
        if (states.Count > 0)
            throw new DomainException("AppealAlreadyDecided", "This item's appeal was decided; the decision is final.");
        return CreditAppeal.File(item, reason, by, nowUtc);
    }

    /// <summary>The street's decision on a pending appeal; a decided one is not decided again.</summary>
    public CreditAppealDecision Decide(long appealId, AppealOutcome outcome, string? note, Actor by, DateTime nowUtc)
    {
        var appeal = Appeals.SingleOrDefault(a => a.Id == appealId)
            ?? throw new DomainValidationException("UnknownAppeal", $"Appeal {appealId} is not on this company's ledger.", "appealId");
        if (StateOf(appeal) != AppealState.Pending)
            throw new DomainException("AppealAlreadyDecided", "This appeal was decided; the decision is final.");
        return CreditAppealDecision.Of(appeal, outcome, note, by, nowUtc);
    }
}
