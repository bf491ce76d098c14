using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class EscalationTests
{
    [Fact]
    public void ApproveRequest_Escalation_RisesOneLevelBackToDispatch()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).WithPendingRequest(RequestKind.Escalation);
        var c = builder.Build();

        c.ApproveRequest(null, Org.Dispatcher, builder.Now, Org.Rules);

        AssertRoseTo(c, HandlingLevel.Community, Org.Property.Id);
        Assert.Null(c.PendingRequest);
        Assert.Equal("RequestKind.Escalation", c.Timeline[^1].Detail);
    }

    [Theory]
    [InlineData(CaseState.PendingDispatch)]
    [InlineData(CaseState.Dispatched)]
    [InlineData(CaseState.InProgress)]
    public void Escalate_ByHand_RisesOneLevelBackToDispatch(CaseState state)
    {
        var builder = CaseBuilder.In(state);
        var c = builder.Build();
        var unit = c.CurrentUnitId;

        Commands.Invoke(c, CaseCommand.Escalate, builder.Now);

        AssertRoseTo(c, HandlingLevel.Community, unit);
    }

    [Fact]
    public void Escalate_ThroughEveryLevel_CountsEachStepAndStopsAtDistrict()
    {
        var builder = CaseBuilder.In(CaseState.PendingDispatch);
        var c = builder.Build();

        for (var i = 0; i < 3; i++)
            Commands.Invoke(c, CaseCommand.Escalate, builder.Now);

        Assert.Equal(HandlingLevel.District, c.Level);
        Assert.Equal(3, c.EscalationCount);
        Expect.Refused(c, "HighestLevel", () => Commands.Invoke(c, CaseCommand.Escalate, builder.Now));
    }

    [Theory]
    [InlineData(CaseCommand.Escalate)]
    [InlineData(CaseCommand.RequestEscalation)]
    public void Command_AtDistrict_RefusedWithHighestLevel(CaseCommand command)
    {
        var builder = CaseBuilder.In(CaseState.InProgress).AtLevel(HandlingLevel.District);
        var c = builder.Build();

        Expect.Refused(c, "HighestLevel", () => Commands.Invoke(c, command, builder.Now));
    }

    private static void AssertRoseTo(Case c, HandlingLevel level, UnitId? previousUnitId)
    {
        Assert.Equal(level, c.Level);
        Assert.Equal(CaseState.PendingDispatch, c.State);
        Assert.Null(c.CurrentUnitId);
        Assert.Null(c.Clock.HandlingDeadlineUtc);
        Assert.Equal(1, c.EscalationCount);
        var escalated = c.Timeline[^1];
        Assert.Equal(CaseEventType.Escalated, escalated.Type);
        Assert.Equal(level, escalated.Level);
        Assert.Equal(previousUnitId, escalated.UnitId);
    }
}
