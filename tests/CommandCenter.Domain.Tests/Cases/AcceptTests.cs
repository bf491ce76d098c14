using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class AcceptTests
{
    private readonly Case _case = CaseBuilder.Report();

    [Fact]
    public void Accept_WithoutLevel_KeepsCategoryLevel()
    {
        _case.Accept(Org.Dispatcher, Clock.Start, Org.Rules);

        Assert.Equal((CaseState.PendingDispatch, HandlingLevel.Courtyard), (_case.State, _case.Level));
    }

    [Theory]
    [InlineData(HandlingLevel.Community)]
    [InlineData(HandlingLevel.District)]
    public void Accept_WithLevel_SetsLevel(HandlingLevel level)
    {
        _case.Accept(Org.Dispatcher, Clock.Start, Org.Rules, level);

        Assert.Equal(level, _case.Level);
        Assert.Equal(level, _case.Timeline[^1].Level);
    }

    [Fact]
    public void Accept_UndefinedLevel_ThrowsForLevel()
    {
        Expect.Invalid(_case, "UnknownValue", "level", () => _case.Accept(Org.Dispatcher, Clock.Start, Org.Rules, (HandlingLevel)7));
    }

    [Fact]
    public void Reject_WithReason_ClosesAsRejected()
    {
        _case.Reject("A prank report", Org.Dispatcher, Clock.Start);

        Assert.Equal((CaseState.Rejected, "A prank report", Clock.Start), (_case.State, _case.RejectionReason, _case.ClosedAtUtc));
    }
}
