using CommandCenter.Domain.Common;
using CommandCenter.Domain.Tests.Builders;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;

namespace CommandCenter.Domain.Tests.Policies;

public class PolicyTableTests
{
    /// <summary>Every specificity at courtyard level; the id tells which one won.</summary>
    private static readonly PolicyTable Layered = new(
    [
        Policy(1, null, null),
        Policy(2, null, Urgency.Urgent),
        Policy(3, "01", null),
        Policy(4, "01", Urgency.Urgent),
        Policy(5, "0101", null),
        Policy(6, "0101", Urgency.Urgent),
    ]);

    [Theory]
    [InlineData("0101", Urgency.Urgent, 6)]    // item and urgency
    [InlineData("0101", Urgency.Normal, 5)]    // item, any urgency
    [InlineData("0102", Urgency.Urgent, 4)]    // group and urgency
    [InlineData("0102", Urgency.Critical, 3)]  // group, any urgency
    [InlineData("0201", Urgency.Urgent, 2)]    // any category, urgency
    [InlineData("0201", Urgency.Normal, 1)]    // any category, any urgency
    [InlineData("1001", Urgency.Normal, 1)]    // "01" is a prefix of the group only, not anywhere in the code
    public void Resolve_Layered_MostSpecificWins(string categoryCode, Urgency urgency, int expectedId)
    {
        Assert.Equal(expectedId, Layered.Resolve(categoryCode, urgency, HandlingLevel.Courtyard).PolicyId);
    }

    [Fact]
    public void Resolve_GroupAnyUrgencyAgainstAnyCategoryWithUrgency_CategoryWins()
    {
        var table = new PolicyTable([Policy(1, null, Urgency.Urgent), Policy(2, "01", null)]);

        Assert.Equal(2, table.Resolve("0101", Urgency.Urgent, HandlingLevel.Courtyard).PolicyId);
    }

    [Fact]
    public void Resolve_MatchingPolicy_GivesItsLimitsBasisAndRevision()
    {
        var policy = TimePolicy.Create(
            4, "01", null, HandlingLevel.Street, TimeSpan.FromMinutes(20), TimeSpan.FromHours(16), 0.6, TimeBasis.Working);
        policy.Update(TimeSpan.FromMinutes(20), TimeSpan.FromHours(16), 0.7, TimeBasis.Working, SignForLapse.ReturnToDispatch);

        var resolved = new PolicyTable([policy]).Resolve("0103", Urgency.Normal, HandlingLevel.Street);

        Assert.Equal(new ResolvedPolicy(4, 2, new CaseTimeLimits(TimeSpan.FromMinutes(20), TimeSpan.FromHours(16), 0.7), TimeBasis.Working,
            LongestExtension: TimeSpan.FromHours(16), WaitingLimits: WaitingLimits.None), resolved);
    }

    [Fact]
    public void Resolve_PolicyWithWaitingLimits_GivesThem_AndAChangeToThemIsANewRevision()
    {
        var policy = TimePolicy.Create(4, "01", null, HandlingLevel.Street, TimeSpan.FromMinutes(20), TimeSpan.FromHours(16), 0.6, TimeBasis.Working);
        var waiting = new WaitingLimits(TimeSpan.FromHours(1), null, TimeSpan.FromHours(8));

        policy.Update(policy.SignFor, policy.Handling, policy.WarningShare, policy.Basis, policy.SignForLapse, waiting: waiting);

        var resolved = new PolicyTable([policy]).Resolve("0103", Urgency.Normal, HandlingLevel.Street);
        Assert.Equal((2, waiting), (resolved.Revision!.Value, resolved.Waiting));
        Assert.Equal((TimeSpan.FromHours(1), (TimeSpan?)null, TimeSpan.FromHours(8)),
            (resolved.Waiting.For(CaseState.Reported)!.Value, resolved.Waiting.For(CaseState.PendingDispatch), resolved.Waiting.For(CaseState.PendingVerification)!.Value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(60 * 24 * 31)]
    public void WaitingLimit_OutOfRange_IsRefused(int minutes) =>
        Assert.Equal("WaitingLimitOutOfRange", Assert.Throws<DomainValidationException>(() => TimePolicy.Create(
            4, null, null, HandlingLevel.Street, TimeSpan.FromMinutes(20), TimeSpan.FromHours(16), 0.6, TimeBasis.Working,
            waiting: new WaitingLimits(null, TimeSpan.FromMinutes(minutes), null))).Code);

    [Theory]
    [MemberData(nameof(Combinations.EveryUrgencyAndLevel), MemberType = typeof(Combinations))]
    public void Resolve_NoPolicyAtThatLevel_FallsBackToDefaultTimeLimitsInCalendarTime(Urgency urgency, HandlingLevel level)
    {
        var table = new PolicyTable([Policy(1, null, null, level == HandlingLevel.District ? HandlingLevel.Street : HandlingLevel.District)]);

        Assert.Equal(new ResolvedPolicy(null, null, DefaultTimeLimits.For(urgency, level), TimeBasis.Calendar), table.Resolve("0101", urgency, level));
    }

    [Fact]
    public void Constructor_TwoPoliciesWithOneScope_ThrowsDuplicatePolicyScope()
    {
        Expect.Invalid("DuplicatePolicyScope", "policies", () => _ = new PolicyTable([Policy(1, "01", null), Policy(2, "01", null)]));
    }

    [Theory]
    [MemberData(nameof(Combinations.EveryUrgencyAndLevel), MemberType = typeof(Combinations))]
    public void Defaults_EveryUrgencyAndLevel_ResolvedByASeededPolicy(Urgency urgency, HandlingLevel level)
    {
        var resolved = PolicyTable.Defaults().Resolve("0101", urgency, level);

        Assert.NotNull(resolved.PolicyId);
        Assert.Equal(1, resolved.Revision);
    }

    [Theory]
    [InlineData(Urgency.Normal, HandlingLevel.Courtyard, 30, 24 * 60, TimeBasis.Calendar)]
    [InlineData(Urgency.Normal, HandlingLevel.Community, 30, 48 * 60, TimeBasis.Calendar)]
    [InlineData(Urgency.Normal, HandlingLevel.Street, 30, 72 * 60, TimeBasis.Calendar)]
    [InlineData(Urgency.Normal, HandlingLevel.District, 30, 5 * 450, TimeBasis.Working)]  // five working days of 7.5 h
    [InlineData(Urgency.Urgent, HandlingLevel.Courtyard, 15, 2 * 60, TimeBasis.Calendar)]
    [InlineData(Urgency.Urgent, HandlingLevel.Community, 15, 4 * 60, TimeBasis.Calendar)]
    [InlineData(Urgency.Urgent, HandlingLevel.Street, 15, 8 * 60, TimeBasis.Calendar)]
    [InlineData(Urgency.Urgent, HandlingLevel.District, 15, 24 * 60, TimeBasis.Calendar)]
    [InlineData(Urgency.Critical, HandlingLevel.Courtyard, 10, 1 * 60, TimeBasis.Calendar)]
    [InlineData(Urgency.Critical, HandlingLevel.Community, 10, 2 * 60, TimeBasis.Calendar)]
    [InlineData(Urgency.Critical, HandlingLevel.Street, 10, 4 * 60, TimeBasis.Calendar)]
    [InlineData(Urgency.Critical, HandlingLevel.District, 10, 12 * 60, TimeBasis.Calendar)]
    public void Defaults_UrgencyAndLevel_GivesDesignLimits(
        Urgency urgency, HandlingLevel level, int signForMinutes, int handlingMinutes, TimeBasis basis)
    {
        var policy = Assert.Single(PolicyTable.Defaults().Policies, p => p.Urgency == urgency && p.Level == level);

        Assert.Equal(
            (null, TimeSpan.FromMinutes(signForMinutes), TimeSpan.FromMinutes(handlingMinutes), 0.75, basis),
            (policy.CategoryCode, policy.SignFor, policy.Handling, policy.WarningShare, policy.Basis));
    }

    [Fact]
    public void Defaults_Seeded_HasTwelveDistinctIds()
    {
        Assert.Equal(Enumerable.Range(1, 12), PolicyTable.Defaults().Policies.Select(p => p.Id).Order());
    }

    [Fact]
    public void Defaults_StreetWithEightHourDays_DistrictIsFortyWorkingHours()
    {
        var calendar = new WorkingCalendar([], [], [(new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(13, 0), new TimeOnly(17, 0))]);

        var resolved = PolicyTable.Defaults(calendar).Resolve("0101", Urgency.Normal, HandlingLevel.District);

        Assert.Equal(TimeSpan.FromHours(40), resolved.Limits.Handling);
    }

    private static TimePolicy Policy(int id, string? categoryCode, Urgency? urgency, HandlingLevel level = HandlingLevel.Courtyard) =>
        TimePolicy.Create(id, categoryCode, urgency, level, TimeSpan.FromMinutes(30), TimeSpan.FromHours(id), 0.75, TimeBasis.Calendar);
}
