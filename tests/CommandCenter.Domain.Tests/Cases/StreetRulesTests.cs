using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>The street-wide rules are values the street sets: changing each changes what a case does.</summary>
public class StreetRulesTests
{
    private static DeadlineRules With(StreetRules street) => new(Org.Rules.Policies, Org.Rules.Calendar, street);

    private static StreetRules Rules(double evaluationDays = 7, double revisitDays = 7, int reopenings = 2, double backlogDays = 60) =>
        StreetRules.Create(TimeSpan.FromDays(evaluationDays), TimeSpan.FromDays(revisitDays), reopenings, TimeSpan.FromDays(backlogDays));

    private static (Case Case, DateTime VerifiedAt) Verified(Channel channel, StreetRules street)
    {
        var builder = CaseBuilder.In(CaseState.PendingVerification).WithChannel(channel);
        var c = builder.Build();
        c.Verify(true, null, Org.Dispatcher, builder.Now, With(street));
        return (c, builder.Now);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    public void EvaluationWindow_OfTheStreet_IsWhenTheReportersCaseClosesAsDefaultSatisfied(double days)
    {
        var (c, verifiedAt) = Verified(Channel.ResidentQr, Rules(evaluationDays: days));
        var end = verifiedAt.AddDays(days);

        Assert.Equal(end, c.NextTimerAtUtc);
        Assert.Equal("EvaluationWindowOpen", c.WhyNot(CaseCommand.AutoClose, end.AddTicks(-1))?.Code);
        Assert.Equal(1, c.FireDueTimers(end, Actor.System(ActSource.Timer), Org.Rules));
        Assert.Equal((CaseState.Closed, Rating.DefaultSatisfied), (c.State, c.Rating));
    }

    [Fact]
    public void RevisitWindow_AppliesToHotlineCases_TheEvaluationWindowToTheRest()
    {
        var street = Rules(evaluationDays: 7, revisitDays: 2);

        var (hotline, at) = Verified(Channel.Hotline, street);
        var (resident, _) = Verified(Channel.ResidentQr, street);

        Assert.Equal((at.AddDays(2), at.AddDays(7)), (hotline.EvaluationDeadlineUtc, resident.EvaluationDeadlineUtc));
        Assert.Equal(1, hotline.FireDueTimers(at.AddDays(2), Actor.System(ActSource.Timer), Org.Rules));
        Assert.Equal((CaseState.Closed, CaseEventType.AutoClosed), (hotline.State, hotline.Timeline[^1].Type));
        Assert.Equal(0, resident.FireDueTimers(at.AddDays(2), Actor.System(ActSource.Timer), Org.Rules));
    }

    [Fact]
    public void RevisitCall_OnAHotlineCaseInTheWindow_ClosesItWithTheCallersRating()
    {
        var (c, at) = Verified(Channel.Hotline, Rules(revisitDays: 2));

        c.Rate(Rating.BasicallySatisfied, "回访：已解决", RatingSource.Revisit, Org.Dispatcher, at.AddDays(1), Org.Rules);

        Assert.Equal((CaseState.Closed, Rating.BasicallySatisfied, RatingSource.Revisit), (c.State, c.Rating, c.RatingSource));
        Assert.Equal(CaseEventType.RevisitRecorded, c.Timeline[^1].Type);
        Assert.Null(c.NextTimerAtUtc);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void UnsatisfiedReopenings_OfTheStreet_AreHowOftenNotSatisfiedReopens(int reopenings)
    {
        var rules = With(Rules(reopenings: reopenings));
        var builder = CaseBuilder.In(CaseState.PendingVerification).WithChannel(Channel.ResidentQr);
        var c = builder.Build();
        var now = builder.Now;
        for (var round = 0; round < reopenings; round++)
        {
            c.Verify(true, null, Org.Dispatcher, now, rules);
            c.Rate(Rating.Unsatisfied, "还是没修好", RatingSource.Reporter, Org.Dispatcher, now, rules);
            Assert.Equal(CaseState.InProgress, c.State);
            c.ReportDone("再次处理", null, Org.Dispatcher, now, rules);
        }
        c.Verify(true, null, Org.Dispatcher, now, rules);

        c.Rate(Rating.Unsatisfied, "还是没修好", RatingSource.Reporter, Org.Dispatcher, now, rules);

        Assert.Equal((CaseState.PendingEvaluation, true, reopenings), (c.State, c.AwaitsCloseDecision, c.UnsatisfiedReopenings));
    }

    [Fact]
    public void BacklogAfter_OfTheStreet_IsWhenADeferralBecomesBacklog()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).Deferred();
        var c = builder.Build();
        var deferredAt = c.Clock.DeferredAtUtc!.Value;

        Assert.False(c.Clock.IsBacklog(deferredAt.AddDays(29), Rules(backlogDays: 30)));
        Assert.True(c.Clock.IsBacklog(deferredAt.AddDays(30), Rules(backlogDays: 30)));
        Assert.False(c.Clock.IsBacklog(deferredAt.AddDays(30), Rules(backlogDays: 45)));
    }

    [Fact]
    public void Defaults_AreSevenDaysTwoReopeningsAndSixtyDays()
    {
        var street = StreetRules.Defaults();

        Assert.Equal((TimeSpan.FromDays(7), TimeSpan.FromDays(7), 2, TimeSpan.FromDays(60), 1),
            (street.EvaluationWindow, street.RevisitWindow, street.UnsatisfiedReopeningsBeforeDecision, street.BacklogAfter, street.Revision));
    }

    [Theory]
    [InlineData(0, 7, 2, 60, "evaluationWindowDays")]
    [InlineData(91, 7, 2, 60, "evaluationWindowDays")]
    [InlineData(7, -1, 2, 60, "revisitWindowDays")]
    [InlineData(7, 7, -1, 60, "unsatisfiedReopeningsBeforeDecision")]
    [InlineData(7, 7, 11, 60, "unsatisfiedReopeningsBeforeDecision")]
    [InlineData(7, 7, 2, 0.5, "backlogAfterDays")]
    [InlineData(7, 7, 2, 366, "backlogAfterDays")]
    public void Create_OutOfRange_IsRefusedNamingTheField(double evaluationDays, double revisitDays, int reopenings, double backlogDays, string field)
    {
        var refused = Assert.Throws<DomainValidationException>(() => Rules(evaluationDays, revisitDays, reopenings, backlogDays));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void Update_RaisesTheRevisionOnlyWhenSomethingChanges()
    {
        var street = StreetRules.Defaults();

        street.Update(street.EvaluationWindow, street.RevisitWindow, street.UnsatisfiedReopeningsBeforeDecision, street.BacklogAfter);
        Assert.Equal(1, street.Revision);
        street.Update(TimeSpan.FromDays(5), TimeSpan.FromDays(3), 1, TimeSpan.FromDays(90));

        Assert.Equal((2, TimeSpan.FromDays(3), 1), (street.Revision, street.RevisitWindow, street.UnsatisfiedReopeningsBeforeDecision));
        Assert.Throws<DomainValidationException>(() => street.Update(TimeSpan.Zero, TimeSpan.FromDays(3), 1, TimeSpan.FromDays(90)));
        Assert.Equal((2, TimeSpan.FromDays(5)), (street.Revision, street.EvaluationWindow));
    }

    [Fact]
    public void RatingSources_OfAHotlineCase_AreTheRevisitCallAlone()
    {
        Assert.Equal([RatingSource.Revisit], RatingRules.SourcesFor(Channel.Hotline));
        Assert.Equal(RatingRules.PersonSources, RatingRules.SourcesFor(Channel.ResidentQr));
    }
}
