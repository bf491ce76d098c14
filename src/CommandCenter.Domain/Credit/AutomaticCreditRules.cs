using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Credit;

/// <summary>The rules of automatic items, each at most one item a company a month; their points are the street's <see cref="CreditRules"/>.</summary>
public enum AutomaticCreditRule
{
    /// <summary>Rounds due in the month not done on time (应结案 − 缓办 − 按期结案), so many points off each, capped.</summary>
    Overdue,
    /// <summary>返工 rounds due in the month, so many points off each, capped.</summary>
    Rework,
    /// <summary>不满意 ratings in the month, so many points off each, capped.</summary>
    Unsatisfied,
    /// <summary>满意率 at the rules' threshold over enough ratings in the month: a bonus.</summary>
    Satisfaction,
}

/// <summary>
/// Automatic credit items from a company's assessment figures for a month (docs/decisions/0009), by the rules
/// in force for the month, dated its last day and keyed by month and rule so a month is counted once.
/// </summary>
public static class AutomaticCreditRules
{
    public static int PointsOf(AutomaticCreditRule rule, IndicatorCounts counts, CreditRules rules)
    {
        var rated = counts.Satisfied + counts.BasicallySatisfied + counts.Unsatisfied;
        int Deduction(int rounds, int each) => -Math.Min(rules.DeductionCap, each * Math.Max(0, rounds));
        return rule switch
        {
            AutomaticCreditRule.Overdue => Deduction(counts.Due - counts.Deferred - counts.ClosedOnTime, rules.OverduePoints),
            AutomaticCreditRule.Rework => Deduction(counts.Reworked, rules.ReworkPoints),
            AutomaticCreditRule.Unsatisfied => Deduction(counts.Unsatisfied, rules.UnsatisfiedPoints),
            _ => rated >= rules.SatisfactionMinimumRatings && new Indicators(counts).SatisfactionRate is { } rate && rate.Percent >= rules.SatisfactionPercent
                ? rules.SatisfactionPoints : 0,
        };
    }

    public static string RuleKey(CreditMonth month, AutomaticCreditRule rule) => $"{month.Key}:{rule}";

    /// <summary>The items a month's figures give; rules worth no points give none.</summary>
    public static IReadOnlyList<CreditItem> ItemsFor(UnitId companyId, CreditMonth month, IndicatorCounts counts, CreditRules rules, Actor by, DateTime nowUtc)
    {
        var lastDay = month.Ended(nowUtc).LastDay;
        return
        [
            .. Enum.GetValues<AutomaticCreditRule>()
                .Select(rule => (Rule: rule, Points: PointsOf(rule, counts, rules)))
                .Where(r => r.Points != 0)
                .Select(r => CreditItem.Record(companyId, CreditSource.Automatic, lastDay, r.Points,
                    $"{month.Key} {r.Rule}", by, nowUtc, validUntil: rules.ValidUntil(lastDay), ruleKey: RuleKey(month, r.Rule))),
        ];
    }
}

/// <summary>
/// The street's monthly inspection score (0–100) of a company as points by the rules' bands (docs/decisions/0009;
/// by default ≥ 90 +3, ≥ 80 +1, ≥ 60 0, below −5). One inspection a company a month.
/// </summary>
public static class InspectionRules
{
    public const int NoteLength = 200;

    public static int PointsOf(int score, CreditRules rules) => score switch
    {
        < 0 or > 100 => throw new Common.DomainValidationException("InspectionScoreOutOfRange", "An inspection score is 0 to 100.", "score"),
        _ when score >= rules.InspectionExcellentFrom => rules.InspectionExcellentPoints,
        _ when score >= rules.InspectionGoodFrom => rules.InspectionGoodPoints,
        _ when score >= rules.InspectionPassFrom => rules.InspectionPassPoints,
        _ => rules.InspectionFailPoints,
    };

    public static string RuleKey(CreditMonth month) => $"{month.Key}:Inspection";

    /// <summary>The month's inspection item, dated today while the month runs and its last day after.</summary>
    public static CreditItem ItemFor(UnitId companyId, CreditMonth month, int score, string? note, CreditRules rules, Actor by, DateTime nowUtc)
    {
        var today = Common.ChinaTime.LocalDate(nowUtc);
        if (today < month.FirstDay)
            throw new Common.DomainValidationException("CreditDateInFuture", "A month's inspection is entered once it has begun.", "month");
        var reason = string.IsNullOrWhiteSpace(note) ? $"{month.Key} 巡查 {score}" : $"{month.Key} 巡查 {score}: {Common.PlainText.Required(note, "note", NoteLength)}";
        var date = today < month.LastDay ? today : month.LastDay;
        return CreditItem.Record(companyId, CreditSource.Inspection, date, PointsOf(score, rules), reason, by, nowUtc,
            validUntil: rules.ValidUntil(date), ruleKey: RuleKey(month));
    }
}
