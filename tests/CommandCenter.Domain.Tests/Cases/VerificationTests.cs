using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class VerificationTests
{
    private readonly CaseBuilder _builder = CaseBuilder.In(CaseState.PendingVerification);

    [Fact]
    public void Verify_Passed_MovesToPendingEvaluation()
    {
        var c = _builder.Build();

        c.Verify(true, null, Org.Dispatcher, _builder.Now, Org.Rules);

        Assert.Equal(CaseState.PendingEvaluation, c.State);
        Assert.Equal(_builder.Now, c.VerifiedAtUtc);
        Assert.Equal(CaseEventType.VerificationPassed, c.Timeline[^1].Type);
    }

    [Fact]
    public void Verify_Failed_ReworksWithNewHandlingDeadline()
    {
        var c = _builder.Build();
        var now = _builder.Now.AddHours(3);

        c.Verify(false, "Rubbish still behind the shed", Org.Dispatcher, now, Org.Rules);

        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(1, c.ReworkCount);
        Assert.Null(c.DoneAtUtc);
        Assert.Equal(now + c.Clock.HandlingLimit, c.Clock.HandlingDeadlineUtc);
        Assert.Equal(now + c.Clock.HandlingLimit * c.Clock.WarningShare, c.Clock.WarningAtUtc);
        Assert.Equal(CaseEventType.VerificationFailed, c.Timeline[^1].Type);
    }

    [Fact]
    public void Verify_FailedTwice_CountsBothReworks()
    {
        var c = _builder.Build();

        c.Verify(false, "Rubbish still behind the shed", Org.Dispatcher, _builder.Now, Org.Rules);
        Commands.Invoke(c, CaseCommand.ReportDone, _builder.Now);
        c.Verify(false, "Now the gate is blocked", Org.Dispatcher, _builder.Now, Org.Rules);

        Assert.Equal(2, c.ReworkCount);
    }

    [Fact]
    public void Verify_FailedWithoutNote_ThrowsForNote()
    {
        var c = _builder.Build();

        Expect.Invalid(c, "Required", "note", () => c.Verify(false, null, Org.Dispatcher, _builder.Now, Org.Rules));
    }
}
