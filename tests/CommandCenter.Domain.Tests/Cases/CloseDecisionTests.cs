using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>
/// 不满意 reopens a case at most <see cref="StreetRules.DefaultUnsatisfiedReopenings"/> times (issue 13);
/// the next one stays as the case's rating and a street leader decides the close (审定结案), with a reason.
/// </summary>
public class CloseDecisionTests
{
    private static readonly Actor Leader = new("Zhao Lei", AccessRole.StreetLeader, null, ActSource.Console);

    [Fact]
    public void Unsatisfied_TwiceReopens_TheThirdTimeWaitsForALeader_AndNoTimerClosesIt()
    {
        var builder = CaseBuilder.In(CaseState.PendingEvaluation);
        var c = builder.Build();
        var now = builder.Now;

        for (var round = 1; round <= 2; round++)
        {
            c.Rate(Rating.Unsatisfied, "Still there", RatingSource.Reporter, Org.Dispatcher, now, Org.Rules);
            Assert.Equal((CaseState.InProgress, round, false), (c.State, c.UnsatisfiedReopenings, c.AwaitsCloseDecision));
            c.ReportDone("Cleared again", null, Org.Dispatcher, now = now.AddHours(1), Org.Rules);
            c.Verify(true, null, Org.Dispatcher, now = now.AddHours(1), Org.Rules);
        }
        c.Rate(Rating.Unsatisfied, "Still there", RatingSource.Reporter, Org.Dispatcher, now, Org.Rules);

        Assert.Equal((CaseState.PendingEvaluation, 2, true, Rating.Unsatisfied), (c.State, c.UnsatisfiedReopenings, c.AwaitsCloseDecision, c.Rating!.Value));
        Assert.Null(c.NextTimerAtUtc);
        Assert.Equal(0, c.FireDueTimers(now + StreetRules.DefaultEvaluationWindow * 2, Actor.System(ActSource.Timer), Org.Rules));
        Assert.Equal("CloseDecisionPending", c.WhyNot(CaseCommand.Rate, now)?.Code);
        Assert.Equal("CloseDecisionPending", c.WhyNot(CaseCommand.AutoClose, now + StreetRules.DefaultEvaluationWindow)?.Code);
        Assert.Equal([CaseCommand.Supervise, CaseCommand.DecideClose], c.AllowedCommands(now));
    }

    [Fact]
    public void DecideClose_ClosesWithTheReason_AndTheUnsatisfiedRatingStays()
    {
        var builder = CaseBuilder.In(CaseState.PendingEvaluation).AwaitingCloseDecision();
        var c = builder.Build();
        var at = builder.Now.AddHours(2);

        c.DecideClose("已两次返工，剩余诉求属于业主间纠纷，转调解", Leader, at);

        Assert.Equal((CaseState.Closed, at, Rating.Unsatisfied, false), (c.State, c.ClosedAtUtc!.Value, c.Rating!.Value, c.AwaitsCloseDecision));
        var closed = c.Timeline[^1];
        Assert.Equal((CaseEventType.ClosedByDecision, "已两次返工，剩余诉求属于业主间纠纷，转调解", "Rating.Unsatisfied", Leader.Name),
            (closed.Type, closed.Note, closed.Detail, closed.ActorName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void DecideClose_WithoutAReason_IsRefused_AndTheCaseStillWaits(string? reason)
    {
        var builder = CaseBuilder.In(CaseState.PendingEvaluation).AwaitingCloseDecision();
        var c = builder.Build();
        var version = c.Version;

        Assert.Throws<Domain.Common.DomainValidationException>(() => c.DecideClose(reason!, Leader, builder.Now));

        Assert.Equal((CaseState.PendingEvaluation, true, version), (c.State, c.AwaitsCloseDecision, c.Version));
    }

    [Fact]
    public void DecideClose_OnACaseThatWaitsForAnOrdinaryRating_IsRefused()
    {
        var builder = CaseBuilder.In(CaseState.PendingEvaluation);
        var c = builder.Build();

        Expect.Refused(c, "NoCloseDecisionPending", () => c.DecideClose("Enough", Leader, builder.Now));
    }

    [Fact]
    public void DecideClose_IsAStreetLeadersDecision_UnlessTheStreetGivesItToOthers()
    {
        var c = CaseBuilder.In(CaseState.PendingEvaluation).AwaitingCloseDecision().Build();
        var defaults = DecisionRights.Defaults;

        Assert.Null(CommandRights.WhyNot(Post(AccessRole.StreetLeader), CaseCommand.DecideClose, c, defaults));
        Assert.All([AccessRole.Dispatcher, AccessRole.CommunityStaff, AccessRole.GridWorker, AccessRole.PropertyStaff],
            role => Assert.Equal(AccessRefusal.NotYourDecision, CommandRights.WhyNot(Post(role), CaseCommand.DecideClose, c, defaults)));
        Assert.Equal(AccessRefusal.AdministratorRunsTheSystem, CommandRights.WhyNot(Post(AccessRole.Administrator), CaseCommand.DecideClose, c, defaults));
        Assert.Null(CommandRights.WhyNot(Post(AccessRole.Dispatcher), CaseCommand.DecideClose, c,
            defaults.With(Decision.DecideClose, AccessRole.StreetLeader, AccessRole.Dispatcher)));
    }

    private static Post Post(AccessRole role) =>
        new() { Role = role, Name = role.ToString(), Source = ActSource.Console, UnitId = Org.Property.Id, CommunityId = Org.CommunityId, CourtyardIds = [Org.Courtyard.Id] };
}
