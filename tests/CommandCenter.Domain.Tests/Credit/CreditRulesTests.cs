using CommandCenter.Domain.Access;
using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Credit;

/// <summary>The street's own credit rules: every value checked, the revision of each month, the points they give.</summary>
public sealed class CreditRulesTests
{
    private static readonly Actor System = new("system", AccessRole.System, null, ActSource.Timer);
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    private static CreditRules With(int overduePoints = 1, int deductionCap = 10, int inspectionGoodFrom = 80, int inspectionGoodPoints = 1, int validityMonths = 12) =>
        CreditRules.Of(overduePoints, 2, 1, deductionCap, 2, 95, 5, 90, 3, inspectionGoodFrom, inspectionGoodPoints, 60, 0, -5, validityMonths);

    [Fact]
    public void TheDefaults_AreDecision0009s()
    {
        Assert.Equal(With(), CreditRules.Defaults);
        Assert.Equal(new DateOnly(2027, 11, 30), CreditRules.Defaults.ValidUntil(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void ChangedRules_GiveOtherPoints_AndAnotherValidity()
    {
        // 应结案 12, 缓办 1, 按期 8: 3 not on time, 3 each = 9, under the cap of 12.
        var counts = IndicatorCounts.None with { Due = 12, Deferred = 1, ClosedOnTime = 8 };
        var rules = With(overduePoints: 3, deductionCap: 12, inspectionGoodFrom: 85, inspectionGoodPoints: 2, validityMonths: 6);

        var item = Assert.Single(AutomaticCreditRules.ItemsFor(new UnitId(7), new CreditMonth(2026, 11), counts, rules, System, Now));

        Assert.Equal((-9, new DateOnly(2027, 5, 30)), (item.Points, item.ValidUntil));
        Assert.Equal(0, InspectionRules.PointsOf(84, rules));
        Assert.Equal(2, InspectionRules.PointsOf(85, rules));
    }

    [Theory]
    [InlineData(-1, 10, 80, 1, 12, "overduePoints")]
    [InlineData(1, 101, 80, 1, 12, "deductionCap")]
    [InlineData(1, 10, 50, 1, 12, "inspectionGoodFrom")]
    [InlineData(1, 10, 80, 4, 12, "inspectionExcellentPoints")]
    [InlineData(1, 10, 80, 1, 0, "validityMonths")]
    [InlineData(1, 10, 80, 1, -12, "validityMonths")]
    public void AValueOutOfItsRange_IsRefused_NamingIt(int overdue, int cap, int goodFrom, int goodPoints, int validity, string field)
    {
        var refused = Assert.Throws<DomainValidationException>(() => With(overdue, cap, goodFrom, goodPoints, validity));

        Assert.Equal(("CreditRuleOutOfRange", field), (refused.Code, refused.Field));
    }

    [Fact]
    public void AMonth_IsMadeByTheNewestRevisionBegunByThen()
    {
        var history = new CreditRuleHistory([
            new CreditRuleRevision(2, new CreditMonth(2027, 2), With(overduePoints: 3)),
            new CreditRuleRevision(1, new CreditMonth(2026, 12), With(overduePoints: 2)),
        ]);

        Assert.Equal((0, CreditRules.Defaults), (history.For(new CreditMonth(2026, 11)).Revision, history.For(new CreditMonth(2026, 11)).Rules));
        Assert.Equal(1, history.For(new CreditMonth(2027, 1)).Revision);
        Assert.Equal(3, history.For(new CreditMonth(2027, 3)).Rules.OverduePoints);
        Assert.Equal(2, history.Latest);
    }
}
