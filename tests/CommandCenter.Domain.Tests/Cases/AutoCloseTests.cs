using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class AutoCloseTests
{
    private readonly Case _case = CaseBuilder.In(CaseState.PendingEvaluation).Build();

    private DateTime WindowEnd => _case.VerifiedAtUtc!.Value + StreetRules.DefaultEvaluationWindow;

    [Fact]
    public void AutoClose_InsideEvaluationWindow_RefusedWithEvaluationWindowOpen()
    {
        var now = WindowEnd.AddTicks(-1);

        Expect.Refused(_case, "EvaluationWindowOpen", () => _case.AutoClose(Actor.System(ActSource.Timer), now));
    }

    [Fact]
    public void AutoClose_AtEndOfEvaluationWindow_ClosesAsDefaultSatisfied()
    {
        _case.AutoClose(Actor.System(ActSource.Timer), WindowEnd);

        Assert.Equal(CaseState.Closed, _case.State);
        Assert.Equal(WindowEnd, _case.ClosedAtUtc);
        Assert.Equal((Rating.DefaultSatisfied, RatingSource.Automatic), (_case.Rating, _case.RatingSource));
        Assert.Equal(CaseEventType.AutoClosed, _case.Timeline[^1].Type);
    }
}
