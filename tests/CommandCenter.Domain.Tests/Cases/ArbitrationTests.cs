using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class ArbitrationTests
{
    [Fact]
    public void Dispatch_AfterTwoReturns_RecordsArbitration()
    {
        var builder = CaseBuilder.In(CaseState.PendingDispatch).Returned(Case.ReturnsBeforeArbitration);
        var c = builder.Build();

        Commands.Dispatch(c, builder.Now);

        Assert.True(c.IsArbitrated);
        Assert.Equal(CaseState.Dispatched, c.State);
        Assert.Equal(CaseEventType.Arbitrated, c.Timeline[^1].Type);
    }

    [Fact]
    public void Dispatch_AfterOneReturn_RecordsOrdinaryDispatch()
    {
        var builder = CaseBuilder.In(CaseState.PendingDispatch).Returned(1);
        var c = builder.Build();

        Commands.Dispatch(c, builder.Now);

        Assert.False(c.IsArbitrated);
        Assert.Equal(CaseEventType.Dispatched, c.Timeline[^1].Type);
    }

    [Fact]
    public void Return_AfterArbitration_RefusedWithArbitratedCannotReturn()
    {
        var builder = CaseBuilder.In(CaseState.Dispatched).Arbitrated();
        var c = builder.Build();

        Assert.Equal("ArbitratedCannotReturn", c.WhyNot(CaseCommand.Return, builder.Now)?.Code);
        Expect.Refused(c, "ArbitratedCannotReturn", () => Commands.Invoke(c, CaseCommand.Return, builder.Now));
    }

    [Fact]
    public void Sign_AfterArbitration_StartsHandling()
    {
        var builder = CaseBuilder.In(CaseState.Dispatched).Arbitrated();
        var c = builder.Build();

        c.Sign(Org.Dispatcher, builder.Now, Org.Rules);

        Assert.Equal(CaseState.InProgress, c.State);
    }

    [Fact]
    public void Dispatch_AfterEscalationOfAReturnedCase_IsOrdinaryAtTheNewLevel()
    {
        var builder = CaseBuilder.In(CaseState.PendingDispatch).Returned(Case.ReturnsBeforeArbitration);
        var c = builder.Build();
        c.Escalate("物业多次退单", Org.Dispatcher, builder.Now, Org.Rules);

        Commands.Dispatch(c, builder.Now);

        Assert.False(c.IsArbitrated);
        Assert.Equal(Case.ReturnsBeforeArbitration, c.ReturnCount);
        Assert.Equal(CaseEventType.Dispatched, c.Timeline[^1].Type);
    }
}
