using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;

namespace CommandCenter.Domain.Tests.Policies;

public class TimePolicyTests
{
    private static readonly TimeSpan SignFor = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Handling = TimeSpan.FromHours(24);

    [Fact]
    public void Create_ValidPolicy_StartsAtRevisionOne()
    {
        var policy = TimePolicy.Create(7, "0101", Urgency.Urgent, HandlingLevel.Community, SignFor, Handling, 0.8, TimeBasis.Working);

        Assert.Equal(
            (7, "0101", (Urgency?)Urgency.Urgent, HandlingLevel.Community, SignFor, Handling, 0.8, TimeBasis.Working, 1),
            (policy.Id, policy.CategoryCode, policy.Urgency, policy.Level, policy.SignFor, policy.Handling, policy.WarningShare, policy.Basis, policy.Revision));
    }

    [Theory]
    [InlineData(null, 0.05)]
    [InlineData("01", 0.99)]
    [InlineData("0101", 0.75)]
    public void Create_AnyGroupOrItemWithShareInRange_Succeeds(string? categoryCode, double warningShare)
    {
        var policy = TimePolicy.Create(1, categoryCode, null, HandlingLevel.Courtyard, SignFor, Handling, warningShare, TimeBasis.Calendar);

        Assert.Equal(categoryCode, policy.CategoryCode);
    }

    [Theory]
    [InlineData("1", 30, 1440, 0.75, "InvalidCategoryCode", "categoryCode")]
    [InlineData("010", 30, 1440, 0.75, "InvalidCategoryCode", "categoryCode")]
    [InlineData("01a1", 30, 1440, 0.75, "InvalidCategoryCode", "categoryCode")]
    [InlineData("", 30, 1440, 0.75, "InvalidCategoryCode", "categoryCode")]
    [InlineData(null, 0, 1440, 0.75, "SignForNotPositive", "signFor")]
    [InlineData(null, -5, 1440, 0.75, "SignForNotPositive", "signFor")]
    [InlineData(null, 30, 0, 0.75, "HandlingNotPositive", "handling")]
    [InlineData(null, 60, 60, 0.75, "SignForNotShorterThanHandling", "signFor")]
    [InlineData(null, 90, 60, 0.75, "SignForNotShorterThanHandling", "signFor")]
    [InlineData(null, 30, 1440, 0.04, "WarningShareOutOfRange", "warningShare")]
    [InlineData(null, 30, 1440, 1.0, "WarningShareOutOfRange", "warningShare")]
    [InlineData(null, 30, 1440, double.NaN, "WarningShareOutOfRange", "warningShare")]
    public void Create_InvalidScopeOrLimits_ThrowsWithCodeAndField(
        string? categoryCode, int signForMinutes, int handlingMinutes, double warningShare, string code, string field)
    {
        Expect.Invalid(code, field, () => TimePolicy.Create(
            1, categoryCode, null, HandlingLevel.Courtyard,
            TimeSpan.FromMinutes(signForMinutes), TimeSpan.FromMinutes(handlingMinutes), warningShare, TimeBasis.Calendar));
    }

    [Theory]
    [InlineData((Urgency)9, HandlingLevel.Courtyard, TimeBasis.Calendar, "UnknownValue", "urgency")]
    [InlineData(Urgency.Normal, (HandlingLevel)0, TimeBasis.Calendar, "UnknownValue", "level")]
    [InlineData(Urgency.Normal, HandlingLevel.Courtyard, (TimeBasis)5, "UnknownValue", "basis")]
    public void Create_UndefinedEnum_ThrowsWithCodeAndField(Urgency urgency, HandlingLevel level, TimeBasis basis, string code, string field)
    {
        Expect.Invalid(code, field, () => TimePolicy.Create(1, null, urgency, level, SignFor, Handling, 0.75, basis));
    }

    [Fact]
    public void Update_ChangedLimits_SetsThemAndRaisesRevision()
    {
        var policy = Policy();

        policy.Update(TimeSpan.FromMinutes(20), TimeSpan.FromHours(48), 0.5, TimeBasis.Working, SignForLapse.ReturnToDispatch);

        Assert.Equal(
            (TimeSpan.FromMinutes(20), TimeSpan.FromHours(48), 0.5, TimeBasis.Working, 2),
            (policy.SignFor, policy.Handling, policy.WarningShare, policy.Basis, policy.Revision));
    }

    [Fact]
    public void Update_TwoChanges_RaisesRevisionTwice()
    {
        var policy = Policy();

        policy.Update(SignFor, TimeSpan.FromHours(48), 0.75, TimeBasis.Calendar, SignForLapse.ReturnToDispatch);
        policy.Update(SignFor, TimeSpan.FromHours(48), 0.75, TimeBasis.Working, SignForLapse.ReturnToDispatch);

        Assert.Equal(3, policy.Revision);
    }

    [Fact]
    public void Update_SameLimits_KeepsRevision()
    {
        var policy = Policy();

        policy.Update(SignFor, Handling, 0.75, TimeBasis.Calendar, SignForLapse.ReturnToDispatch);

        Assert.Equal(1, policy.Revision);
    }

    [Theory]
    [InlineData(30, 0, 0.75, "HandlingNotPositive", "handling")]
    [InlineData(30, 1440, 0.999, "WarningShareOutOfRange", "warningShare")]
    [InlineData(1440, 60, 0.75, "SignForNotShorterThanHandling", "signFor")]
    public void Update_InvalidLimits_ThrowsAndLeavesPolicyAsItWas(int signForMinutes, int handlingMinutes, double warningShare, string code, string field)
    {
        var policy = Policy();

        Expect.Invalid(code, field, () => policy.Update(
            TimeSpan.FromMinutes(signForMinutes), TimeSpan.FromMinutes(handlingMinutes), warningShare, TimeBasis.Working, SignForLapse.Escalate));

        Assert.Equal(
            (SignFor, Handling, 0.75, TimeBasis.Calendar, 1),
            (policy.SignFor, policy.Handling, policy.WarningShare, policy.Basis, policy.Revision));
    }

    [Fact]
    public void Create_NoSignForLapse_ReturnsToDispatch()
    {
        Assert.Equal(SignForLapse.ReturnToDispatch, Policy().SignForLapse);
    }

    [Fact]
    public void Update_OnlySignForLapseChanged_SetsItAndRaisesRevision()
    {
        var policy = Policy();

        policy.Update(SignFor, Handling, 0.75, TimeBasis.Calendar, SignForLapse.Escalate);

        Assert.Equal((SignForLapse.Escalate, 2), (policy.SignForLapse, policy.Revision));
    }

    [Fact]
    public void CreateAndUpdate_UndefinedSignForLapse_ThrowsWithCodeAndField()
    {
        var policy = Policy();

        Expect.Invalid("UnknownValue", "signForLapse", () => TimePolicy.Create(
            1, null, Urgency.Normal, HandlingLevel.Courtyard, SignFor, Handling, 0.75, TimeBasis.Calendar, (SignForLapse)7));
        Expect.Invalid("UnknownValue", "signForLapse", () => policy.Update(SignFor, Handling, 0.75, TimeBasis.Calendar, (SignForLapse)7));

        Assert.Equal((SignForLapse.ReturnToDispatch, 1), (policy.SignForLapse, policy.Revision));
    }

    private static TimePolicy Policy() =>
        TimePolicy.Create(1, null, Urgency.Normal, HandlingLevel.Courtyard, SignFor, Handling, 0.75, TimeBasis.Calendar);
}
