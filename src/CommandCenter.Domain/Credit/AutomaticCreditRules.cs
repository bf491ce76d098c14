using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Credit;

/// <summary>The rules of automatic items, each at most one item a company a month.</summary>
public enum AutomaticCreditRule
{
    /// <summary>Rounds due in the month not done on time (应结案 − 缓办 − 按期结案): −1 each, at most −10.</summary>
    Overdue,
    /// <summary>返工 rounds due in the month: −2 each, at most −10.</summary>
    Rework,
    /// <summary>不满意 ratings in the month: −1 each, at most −10.</summary>
    Unsatisfied,
    /// <summary>满意率 ≥ 95 % over at least 5 ratings in the month: +2.</summary>
    Satisfaction,
}

/// <summary>
/// Automatic credit items from a company's assessment figures for a month (docs/decisions/0009):
/// fixed point rules, dated the month's last day, keyed by month and rule so a month is counted once.
/// </summary>
public static class AutomaticCreditRules
{
    public const int Cap = 10;
    public const int SatisfactionMinimumRatings = 5;
    public const decimal SatisfactionThreshold = 95m;

    public static int PointsOf(AutomaticCreditRule rule, IndicatorCounts counts)
    {
        var rated = counts.Satisfied + counts.BasicallySatisfied + counts.Unsatisfied;
        return rule switch
        {
            AutomaticCreditRule.Overdue => -Math.Min(Cap, Math.Max(0, counts.Due - counts.Deferred - counts.ClosedOnTime)),
            AutomaticCreditRule.Rework => -Math.Min(Cap, 2 * counts.Reworked),
            AutomaticCreditRule.Unsatisfied => -Math.Min(Cap, counts.Unsatisfied),
            _ => rated >= SatisfactionMinimumRatings && new Indicators(counts).SatisfactionRate is { Percent: >= SatisfactionThreshold } ? 2 : 0,
        };
    }

    public static string RuleKey(CreditMonth month, AutomaticCreditRule rule) => $"{month.Key}:{rule}";

    /// <summary>The items a month's figures give; rules worth no points give none.</summary>
    public static IReadOnlyList<CreditItem> ItemsFor(UnitId companyId, CreditMonth month, IndicatorCounts counts, Actor by, DateTime nowUtc) =>
    [
        .. Enum.GetValues<AutomaticCreditRule>()
            .Select(rule => (Rule: rule, Points: PointsOf(rule, counts)))
            .Where(r => r.Points != 0)
            .Select(r => CreditItem.Record(companyId, CreditSource.Automatic, month.Ended(nowUtc).LastDay, r.Points,
                $"{month.Key} {r.Rule}", by, nowUtc, ruleKey: RuleKey(month, r.Rule))),
    ];
}

/// <summary>
/// The street's monthly inspection score (0–100) of a company as points (docs/decisions/0009):
/// ≥ 90 +3, ≥ 80 +1, ≥ 60 0, below −5. One inspection a company a month.
/// </summary>
public static class InspectionRules
{
    public const int NoteLength = 200;

    public static int PointsOf(int score) => score switch
    {
        < 0 or > 100 => throw new Common.DomainValidationException("InspectionScoreOutOfRange", "An inspection score is 0 to 100.", "score"),
        >= 90 => 3,
        >= 80 => 1,
        >= 60 => 0,
        _ => -5,
    };

    public static string RuleKey(CreditMonth month) => $"{month.Key}:Inspection";

    /// <summary>The month's inspection item, dated today while the month runs and its last day after.</summary>
    public static CreditItem ItemFor(UnitId companyId, CreditMonth month, int score, string? note, Actor by, DateTime nowUtc)
    {
        var today = Common.ChinaTime.LocalDate(nowUtc);
        if (today < month.FirstDay)
            throw new Common.DomainValidationException("CreditDateInFuture", "A month's inspection is entered once it has begun.", "month");
        var reason = string.IsNullOrWhiteSpace(note) ? $"{month.Key} 巡查 {score}" : $"{month.Key} 巡查 {score}: {Common.PlainText.Required(note, "note", NoteLength)}";
        return CreditItem.Record(companyId, CreditSource.Inspection, today < month.LastDay ? today : month.LastDay, PointsOf(score), reason, by, nowUtc,
            ruleKey: RuleKey(month));
    }
}
