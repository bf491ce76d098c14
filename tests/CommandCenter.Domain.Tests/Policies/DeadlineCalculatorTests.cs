using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Policies;
using static CommandCenter.Domain.Tests.Policies.Calendars;

namespace CommandCenter.Domain.Tests.Policies;

/// <summary>A 30-minute sign-for limit and a 37.5 h (five working days) handling limit, warning at 75 %.</summary>
public class DeadlineCalculatorTests
{
    [Theory]
    [InlineData(TimeBasis.Calendar, "2026-11-27T09:50:00Z", "2026-11-27T10:20:00Z")]  // Fri 17:50 → Fri 18:20
    [InlineData(TimeBasis.Working, "2026-11-27T09:50:00Z", "2026-11-30T01:20:00Z")]   // Fri 17:50 → Mon 09:20
    [InlineData(TimeBasis.Calendar, "2026-10-03T02:00:00Z", "2026-10-03T02:30:00Z")]  // Sat 3 Oct 10:00 (holiday) → 10:30
    [InlineData(TimeBasis.Working, "2026-10-03T02:00:00Z", "2026-10-08T01:30:00Z")]   // Sat 3 Oct 10:00 (holiday) → Thu 8 Oct 09:30
    public void SignDeadline_Basis_CountsOnItsClock(TimeBasis basis, string dispatchedUtc, string expectedUtc)
    {
        Assert.Equal(Utc(expectedUtc), Calculator(basis).SignDeadline(Utc(dispatchedUtc)));
    }

    [Theory]
    [InlineData(TimeBasis.Calendar, "2026-11-27T09:00:00Z", "2026-11-28T22:30:00Z")]  // Fri 17:00 + 37.5 h → Sun 06:30
    [InlineData(TimeBasis.Working, "2026-11-27T09:00:00Z", "2026-12-04T09:00:00Z")]   // Fri 17:00 → next Fri 17:00
    [InlineData(TimeBasis.Working, "2026-09-29T02:00:00Z", "2026-10-12T02:00:00Z")]   // Tue 29 Sep 10:00 → Mon 12 Oct 10:00, over National Day
    public void HandlingDeadline_Basis_CountsOnItsClock(TimeBasis basis, string signedUtc, string expectedUtc)
    {
        Assert.Equal(Utc(expectedUtc), Calculator(basis).HandlingDeadline(Utc(signedUtc)));
    }

    [Theory]
    [InlineData(TimeBasis.Calendar, "2026-11-27T09:00:00Z", "2026-11-28T13:07:30Z")]  // Fri 17:00 + 28 h 7.5 min → Sat 21:07:30
    [InlineData(TimeBasis.Working, "2026-11-27T09:00:00Z", "2026-12-03T07:07:30Z")]   // Fri 17:00: 1 h Fri, 3 × 7.5 h, Thu 3 h + 1 h 37.5 min → Thu 15:07:30
    public void WarningAt_Basis_IsThreeQuartersOfHandlingOnItsClock(TimeBasis basis, string signedUtc, string expectedUtc)
    {
        Assert.Equal(Utc(expectedUtc), Calculator(basis).WarningAt(Utc(signedUtc)));
    }

    private static DeadlineCalculator Calculator(TimeBasis basis) => new(
        new ResolvedPolicy(1, 1, new CaseTimeLimits(TimeSpan.FromMinutes(30), China2026.WorkingDays(5), 0.75), basis),
        China2026);
}
