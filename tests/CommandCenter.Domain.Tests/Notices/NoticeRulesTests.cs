using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Notices;

namespace CommandCenter.Domain.Tests.Notices;

public sealed class NoticeRulesTests
{
    [Theory]
    [InlineData(CaseEventType.Dispatched, CaseState.PendingDispatch, CaseState.Dispatched, NoticeKind.Dispatched)]
    [InlineData(CaseEventType.Warned, CaseState.InProgress, CaseState.InProgress, NoticeKind.Warned)]
    [InlineData(CaseEventType.Supervised, CaseState.InProgress, CaseState.InProgress, NoticeKind.Supervised)]
    [InlineData(CaseEventType.SignOverdue, CaseState.Dispatched, CaseState.Dispatched, NoticeKind.ClockOverdue)]
    [InlineData(CaseEventType.VerificationOverdue, CaseState.PendingVerification, CaseState.PendingVerification, NoticeKind.ClockOverdue)]
    [InlineData(CaseEventType.Rejected, CaseState.Reported, CaseState.Rejected, NoticeKind.CaseRejected)]
    [InlineData(CaseEventType.AutoClosed, CaseState.PendingEvaluation, CaseState.Closed, NoticeKind.CaseClosed)]
    [InlineData(CaseEventType.Rated, CaseState.PendingEvaluation, CaseState.Closed, NoticeKind.CaseClosed)]
    public void AnEvent_GivesRiseToItsNotice(CaseEventType type, CaseState from, CaseState to, NoticeKind expected) =>
        Assert.Equal([expected], NoticeRules.For(type, from, to));

    [Theory]
    [InlineData(CaseEventType.Reported, null, CaseState.Reported)]
    [InlineData(CaseEventType.Signed, CaseState.Dispatched, CaseState.InProgress)]
    [InlineData(CaseEventType.ProgressNoted, CaseState.InProgress, CaseState.InProgress)]
    public void OtherEvents_TellNobody(CaseEventType type, CaseState? from, CaseState to) =>
        Assert.Empty(NoticeRules.For(type, from, to));

    [Fact]
    public void OnlyUrgentWork_GoesOutInQuietHours()
    {
        Assert.False(NoticeRules.IsUrgent(NoticeKind.Dispatched, Urgency.Normal));
        Assert.True(NoticeRules.IsUrgent(NoticeKind.Dispatched, Urgency.Critical));
        Assert.True(NoticeRules.IsUrgent(NoticeKind.ClockOverdue, Urgency.Normal));
        Assert.False(NoticeRules.IsUrgent(NoticeKind.CaseClosed, Urgency.Critical));
    }

    [Theory]
    [InlineData(13, 59, false)]
    [InlineData(14, 0, true)]
    [InlineData(22, 59, true)] // 06:59
    [InlineData(23, 0, false)] // 07:00
    public void QuietHours_RunPastMidnight(int utcHour, int utcMinute, bool quiet)
    {
        var hours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0));
        Assert.Equal(quiet, hours.Contains(new DateTime(2026, 11, 22, utcHour, utcMinute, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void QuietHours_EndAfter_IsTheNextMorning()
    {
        var hours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0));
        // 23:30 China time on the 22nd: the notice goes at 07:00 on the 23rd, 23:00 UTC on the 22nd.
        Assert.Equal(new DateTime(2026, 11, 22, 23, 0, 0, DateTimeKind.Utc), hours.EndAfter(new DateTime(2026, 11, 22, 15, 30, 0, DateTimeKind.Utc)));
        Assert.False(QuietHours.None.Contains(DateTime.UtcNow));
    }

    [Fact]
    public void Backoff_DoublesUpToTheLongest()
    {
        var first = TimeSpan.FromSeconds(10);
        var longest = TimeSpan.FromMinutes(1);
        Assert.Equal([10, 20, 40, 60, 60], Enumerable.Range(1, 5).Select(a => NoticeRetry.DelayAfter(a, first, longest).TotalSeconds));
    }

    [Fact]
    public void Template_RendersKnownPlaceholders_AndNamesUnknownOnes()
    {
        Assert.Equal("案件CT-1已办结", NoticeTemplate.Render("案件{number}已办结", new Dictionary<string, string> { ["number"] = "CT-1" }));
        Assert.Equal(["numbr"], NoticeTemplate.UnknownPlaceholders("案件{numbr}{link}"));
        Assert.All(NoticeTemplate.Defaults.Values, t => Assert.Empty(NoticeTemplate.UnknownPlaceholders(t)));
    }
}
