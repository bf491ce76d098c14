using CommandCenter.Domain.Policies;
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

    [Theory]
    [InlineData(Channel.GridPatrol)]
    [InlineData(Channel.Dispatcher)]
    [InlineData(Channel.ExternalSystem)]
    public void Verify_PassedWithNoOneToRate_ClosesAtOnceWithoutRating(Channel channel)
    {
        var builder = CaseBuilder.In(CaseState.PendingVerification).WithChannel(channel);
        var c = builder.Build();
        var events = c.EventCount;

        c.Verify(true, null, Org.Dispatcher, builder.Now, Org.Rules);

        Assert.Equal((CaseState.Closed, builder.Now, builder.Now), (c.State, c.ClosedAtUtc, c.VerifiedAtUtc));
        Assert.Equal((null, null), (c.Rating, c.RatingSource));
        Assert.Null(c.NextTimerAtUtc);
        Assert.Equal(
            [(CaseEventType.VerificationPassed, CaseState.PendingVerification, CaseState.PendingEvaluation, (string?)null),
             (CaseEventType.ClosedWithoutRating, CaseState.PendingEvaluation, CaseState.Closed, $"Channel.{channel}")],
            c.Timeline.Skip(events).Select(e => (e.Type, e.FromState!.Value, e.ToState, e.Detail)));
        Assert.Empty(c.AllowedCommands(builder.Now + StreetRules.DefaultEvaluationWindow));
    }

    [Theory]
    [InlineData(Channel.Hotline)]
    [InlineData(Channel.ResidentQr)]
    public void Verify_PassedWithSomeoneToRate_WaitsForTheRating(Channel channel)
    {
        var builder = CaseBuilder.In(CaseState.PendingVerification).WithChannel(channel);
        var c = builder.Build();

        c.Verify(true, null, Org.Dispatcher, builder.Now, Org.Rules);

        Assert.Equal((CaseState.PendingEvaluation, null, null), (c.State, c.ClosedAtUtc, c.Rating));
        Assert.Equal(builder.Now + StreetRules.DefaultEvaluationWindow, c.NextTimerAtUtc);
        Assert.Equal(CaseEventType.VerificationPassed, c.Timeline[^1].Type);
    }

    [Theory]
    [InlineData(Channel.GridPatrol)]
    [InlineData(Channel.Hotline)]
    public void Verify_Failed_ReworksWhoeverCanRate(Channel channel)
    {
        var builder = CaseBuilder.In(CaseState.PendingVerification).WithChannel(channel);
        var c = builder.Build();

        c.Verify(false, "Rubbish still behind the shed", Org.Dispatcher, builder.Now, Org.Rules);

        Assert.Equal((CaseState.InProgress, null, null, 1), (c.State, c.ClosedAtUtc, c.Rating, c.ReworkCount));
        Assert.Equal(CaseEventType.VerificationFailed, c.Timeline[^1].Type);
    }
}
