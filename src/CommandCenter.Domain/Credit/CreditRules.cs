using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Credit;

/// <summary>
/// The points of the automatic and inspection items and the validity of an item given without one: the street's
/// to set (saved as revisions like the bands). Deductions are written as the points a round costs (≥ 0) and
/// taken off; the defaults are docs/decisions/0009's. Built only through <see cref="Of"/>, which checks every value.
/// </summary>
public sealed record CreditRules
{
    public const int MaxValidityMonths = 120;
    public const int MaxMinimumRatings = 10_000;

    private CreditRules() { }

    /// <summary>Points off for each round due in the month and not done on time.</summary>
    public int OverduePoints { get; private init; }
    /// <summary>Points off for each 返工 round due in the month.</summary>
    public int ReworkPoints { get; private init; }
    /// <summary>Points off for each 不满意 rating in the month.</summary>
    public int UnsatisfiedPoints { get; private init; }
    /// <summary>The most any one of the three deductions takes in a month.</summary>
    public int DeductionCap { get; private init; }
    /// <summary>Points for a month whose 满意率 reaches <see cref="SatisfactionPercent"/> over at least <see cref="SatisfactionMinimumRatings"/> ratings.</summary>
    public int SatisfactionPoints { get; private init; }
    public int SatisfactionPercent { get; private init; }
    public int SatisfactionMinimumRatings { get; private init; }
    /// <summary>The inspection score bands: from each lowest score its points; below <see cref="InspectionPassFrom"/>, <see cref="InspectionFailPoints"/>.</summary>
    public int InspectionExcellentFrom { get; private init; }
    public int InspectionExcellentPoints { get; private init; }
    public int InspectionGoodFrom { get; private init; }
    public int InspectionGoodPoints { get; private init; }
    public int InspectionPassFrom { get; private init; }
    public int InspectionPassPoints { get; private init; }
    public int InspectionFailPoints { get; private init; }
    /// <summary>How long an item counts from its date when it is given no end: automatic, inspection and by-hand items alike.</summary>
    public int ValidityMonths { get; private init; }

    public static CreditRules Defaults { get; } = Of(
        overduePoints: 1, reworkPoints: 2, unsatisfiedPoints: 1, deductionCap: 10,
        satisfactionPoints: 2, satisfactionPercent: 95, satisfactionMinimumRatings: 5,
        inspectionExcellentFrom: 90, inspectionExcellentPoints: 3, inspectionGoodFrom: 80, inspectionGoodPoints: 1,
        inspectionPassFrom: 60, inspectionPassPoints: 0, inspectionFailPoints: -5, validityMonths: 12);

    /// <summary>Refused (CreditRuleOutOfRange, naming the field) unless every value is in its range and the inspection bands rise with their points.</summary>
    public static CreditRules Of(
        int overduePoints, int reworkPoints, int unsatisfiedPoints, int deductionCap,
        int satisfactionPoints, int satisfactionPercent, int satisfactionMinimumRatings,
        int inspectionExcellentFrom, int inspectionExcellentPoints, int inspectionGoodFrom, int inspectionGoodPoints,
        int inspectionPassFrom, int inspectionPassPoints, int inspectionFailPoints, int validityMonths)
    {
        InRange(overduePoints, 0, CreditItem.MaxPoints, "overduePoints");
        InRange(reworkPoints, 0, CreditItem.MaxPoints, "reworkPoints");
        InRange(unsatisfiedPoints, 0, CreditItem.MaxPoints, "unsatisfiedPoints");
        InRange(deductionCap, 0, CreditItem.MaxPoints, "deductionCap");
        InRange(satisfactionPoints, 0, CreditItem.MaxPoints, "satisfactionPoints");
        InRange(satisfactionPercent, 0, 100, "satisfactionPercent");
        InRange(satisfactionMinimumRatings, 1, MaxMinimumRatings, "satisfactionMinimumRatings");
        InRange(inspectionPassFrom, 1, 98, "inspectionPassFrom");
        InRange(inspectionGoodFrom, inspectionPassFrom + 1, 99, "inspectionGoodFrom");
        InRange(inspectionExcellentFrom, inspectionGoodFrom + 1, 100, "inspectionExcellentFrom");
        InRange(inspectionFailPoints, -CreditItem.MaxPoints, CreditItem.MaxPoints, "inspectionFailPoints");
        InRange(inspectionPassPoints, inspectionFailPoints, CreditItem.MaxPoints, "inspectionPassPoints");
        InRange(inspectionGoodPoints, inspectionPassPoints, CreditItem.MaxPoints, "inspectionGoodPoints");
        InRange(inspectionExcellentPoints, inspectionGoodPoints, CreditItem.MaxPoints, "inspectionExcellentPoints");
        InRange(validityMonths, 1, MaxValidityMonths, "validityMonths");
        return new CreditRules
        {
            OverduePoints = overduePoints, ReworkPoints = reworkPoints, UnsatisfiedPoints = unsatisfiedPoints, DeductionCap = deductionCap,
            SatisfactionPoints = satisfactionPoints, SatisfactionPercent = satisfactionPercent, SatisfactionMinimumRatings = satisfactionMinimumRatings,
            InspectionExcellentFrom = inspectionExcellentFrom, InspectionExcellentPoints = inspectionExcellentPoints,
            InspectionGoodFrom = inspectionGoodFrom, InspectionGoodPoints = inspectionGoodPoints,
            InspectionPassFrom = inspectionPassFrom, InspectionPassPoints = inspectionPassPoints, InspectionFailPoints = inspectionFailPoints,
            ValidityMonths = validityMonths,
        };
    }

    /// <summary>The day an item dated <paramref name="date"/> and given no end stops counting.</summary>
    public DateOnly ValidUntil(DateOnly date) => date.AddMonths(ValidityMonths);

    /// <summary>One short line for the audit log (its detail holds 200 characters).</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"overdue -{OverduePoints}, rework -{ReworkPoints}, unsatisfied -{UnsatisfiedPoints}, cap {DeductionCap}; "
        + $"satisfaction +{SatisfactionPoints} at {SatisfactionPercent}% of {SatisfactionMinimumRatings}; "
        + $"inspection {InspectionExcellentFrom}:{InspectionExcellentPoints} {InspectionGoodFrom}:{InspectionGoodPoints} "
        + $"{InspectionPassFrom}:{InspectionPassPoints} else {InspectionFailPoints}; valid {ValidityMonths} months");

    private static void InRange(int value, int min, int max, string field)
    {
        if (value < min || value > max)
            throw new DomainValidationException("CreditRuleOutOfRange", $"{field} is {min} to {max}.", field);
    }
}

/// <summary>One saved revision of the street's credit rules, in force for the automatic items and inspections of <see cref="From"/> on.</summary>
public sealed record CreditRuleRevision(int Revision, CreditMonth From, CreditRules Rules);

/// <summary>The rules of every month: the newest revision whose month has begun by then; before any, revision 0, <see cref="CreditRules.Defaults"/>.</summary>
public sealed class CreditRuleHistory(IEnumerable<CreditRuleRevision> revisions)
{
    public IReadOnlyList<CreditRuleRevision> Revisions { get; } = [.. revisions.OrderBy(r => r.Revision)];

    /// <summary>The newest revision's number; 0 while the defaults hold.</summary>
    public int Latest => Revisions.Count == 0 ? 0 : Revisions[^1].Revision;

    public CreditRuleRevision For(CreditMonth month) =>
        Revisions.LastOrDefault(r => r.From.FirstDay <= month.FirstDay) ?? new CreditRuleRevision(0, month, CreditRules.Defaults);
}
