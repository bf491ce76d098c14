using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Credit;

/// <summary>The fixed point rules of automatic and inspection items (docs/decisions/0009).</summary>
public sealed class AutomaticCreditRulesTests
{
    private static readonly UnitId Company = new(7);
    private static readonly Actor System = new("system", AccessRole.System, null, ActSource.Timer);
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);
    private static readonly CreditMonth November = new(2026, 11);

    [Fact]
    public void AMonthsFigures_GiveOneItemPerRule_DatedItsLastDay_KeyedByMonthAndRule()
    {
        // 应结案 12, 缓办 1, 按期 8: 3 not on time. 返工 2. Ratings 满意 9, 基本满意 1, 不满意 1 (90.91 %).
        var counts = IndicatorCounts.None with
        {
            Due = 12, Deferred = 1, ClosedOnTime = 8, Reworked = 2, Satisfied = 9, BasicallySatisfied = 1, Unsatisfied = 1,
        };

        var items = AutomaticCreditRules.ItemsFor(Company, November, counts, CreditRules.Defaults, System, Now);

        Assert.Equal(
            [("2026-11:Overdue", -3), ("2026-11:Rework", -4), ("2026-11:Unsatisfied", -1)],
            items.Select(i => (i.RuleKey, i.Points)));
        Assert.All(items, i => Assert.Equal((CreditSource.Automatic, new DateOnly(2026, 11, 30)), (i.Source, i.Date)));
    }

    [Fact]
    public void EachRule_IsCappedAtTen_AndAGoodMonthEarnsTwo()
    {
        var bad = IndicatorCounts.None with { Due = 40, ClosedOnTime = 5, Reworked = 9, Unsatisfied = 30 };
        var good = IndicatorCounts.None with { Due = 5, ClosedOnTime = 5, Satisfied = 19, BasicallySatisfied = 1 };

        Assert.Equal([-10, -10, -10], AutomaticCreditRules.ItemsFor(Company, November, bad, CreditRules.Defaults, System, Now).Select(i => i.Points));
        Assert.Equal([("2026-11:Satisfaction", 2)], AutomaticCreditRules.ItemsFor(Company, November, good, CreditRules.Defaults, System, Now).Select(i => (i.RuleKey, i.Points)));
    }

    [Fact]
    public void FewRatings_EarnNothing_AndAQuietMonthGivesNoItems()
    {
        var few = IndicatorCounts.None with { Satisfied = 4 };

        Assert.Empty(AutomaticCreditRules.ItemsFor(Company, November, few, CreditRules.Defaults, System, Now));
        Assert.Empty(AutomaticCreditRules.ItemsFor(Company, November, IndicatorCounts.None, CreditRules.Defaults, System, Now));
    }

    [Fact]
    public void AMonthNotOver_IsRefused()
    {
        var counts = IndicatorCounts.None with { Due = 2 };

        Assert.Equal("MonthNotOver",
            Assert.Throws<DomainValidationException>(() => AutomaticCreditRules.ItemsFor(Company, new CreditMonth(2026, 12), counts, CreditRules.Defaults, System, Now)).Code);
    }

    [Theory]
    [InlineData(100, 3)]
    [InlineData(90, 3)]
    [InlineData(89, 1)]
    [InlineData(80, 1)]
    [InlineData(79, 0)]
    [InlineData(60, 0)]
    [InlineData(59, -5)]
    [InlineData(0, -5)]
    public void AnInspectionScore_GivesItsPoints(int score, int points)
    {
        var item = InspectionRules.ItemFor(Company, November, score, "卫生良好", CreditRules.Defaults, System, Now);

        Assert.Equal((CreditSource.Inspection, points, "2026-11:Inspection", new DateOnly(2026, 11, 30)), (item.Source, item.Points, item.RuleKey, item.Date));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void AnInspectionScoreOutside0To100_IsRefused(int score)
    {
        Assert.Equal("InspectionScoreOutOfRange",
            Assert.Throws<DomainValidationException>(() => InspectionRules.ItemFor(Company, November, score, null, CreditRules.Defaults, System, Now)).Code);
    }
}
