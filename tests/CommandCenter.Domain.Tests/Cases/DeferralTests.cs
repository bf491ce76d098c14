using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class DeferralTests
{
    [Fact]
    public void ApproveRequest_Deferral_DefersAndClearsDeadline()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).WithPendingRequest(RequestKind.Deferral);
        var c = builder.Build();

        c.ApproveRequest(null, Org.Dispatcher, builder.Now, Org.Rules);

        Assert.True(c.Clock.IsDeferred);
        Assert.Null(c.Clock.HandlingDeadlineUtc);
        Assert.Null(c.Clock.WarningAtUtc);
        Assert.Null(c.PendingRequest);
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal("RequestKind.Deferral", c.Timeline[^1].Detail);
    }

    [Theory]
    [InlineData(RequestKind.Postponement)]
    [InlineData(RequestKind.Deferral)]
    public void Request_WhenDeferred_RefusedWithAlreadyDeferred(RequestKind kind)
    {
        var builder = CaseBuilder.In(CaseState.InProgress).Deferred();
        var c = builder.Build();

        Expect.Refused(c, "AlreadyDeferred", () => Commands.Invoke(c, Commands.RequestFor(kind), builder.Now));
    }

    [Fact]
    public void Verify_FailedWhenDeferred_ReworksWithoutDeadline()
    {
        var builder = CaseBuilder.In(CaseState.PendingVerification).Deferred();
        var c = builder.Build();

        c.Verify(false, "Only half of it was done", Org.Dispatcher, builder.Now, Org.Rules);

        Assert.Equal(CaseState.InProgress, c.State);
        Assert.True(c.Clock.IsDeferred);
        Assert.Null(c.Clock.HandlingDeadlineUtc);
    }
}
