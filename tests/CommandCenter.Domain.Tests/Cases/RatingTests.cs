using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class RatingTests
{
    private readonly CaseBuilder _builder = CaseBuilder.In(CaseState.PendingEvaluation);

    [Theory]
    [InlineData(Rating.Satisfied)]
    [InlineData(Rating.BasicallySatisfied)]
    public void Rate_Content_ClosesCase(Rating rating)
    {
        var c = _builder.Build();

        c.Rate(rating, "Quick work", RatingSource.Reporter, Org.Dispatcher, _builder.Now, Org.Rules);

        Assert.Equal(CaseState.Closed, c.State);
        Assert.Equal(_builder.Now, c.ClosedAtUtc);
        Assert.Equal((rating, RatingSource.Reporter, "Quick work"), (c.Rating, c.RatingSource, c.RatingComment));
        Assert.Equal(CaseEventType.Rated, c.Timeline[^1].Type);
        Assert.Equal(($"Rating.{rating}", "Quick work"), (c.Timeline[^1].Detail, c.Timeline[^1].Note));
    }

    [Fact]
    public void Rate_Unsatisfied_ReopensForRework()
    {
        var c = _builder.Build();

        c.Rate(Rating.Unsatisfied, "It is back the next day", RatingSource.Reporter, Org.Dispatcher, _builder.Now, Org.Rules);

        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(1, c.ReworkCount);
        Assert.Null(c.VerifiedAtUtc);
        Assert.Null(c.ClosedAtUtc);
        Assert.Equal(_builder.Now + c.Clock.HandlingLimit, c.Clock.HandlingDeadlineUtc);
    }

    [Fact]
    public void Rate_DefaultSatisfied_ThrowsForRating()
    {
        var c = _builder.Build();

        Expect.Invalid(c, "InvalidRating", "rating",
            () => c.Rate(Rating.DefaultSatisfied, null, RatingSource.Reporter, Org.Dispatcher, _builder.Now, Org.Rules));
    }

    [Fact]
    public void Rate_AutomaticSource_ThrowsForSource()
    {
        var c = _builder.Build();

        Expect.Invalid(c, "InvalidRatingSource", "source",
            () => c.Rate(Rating.Satisfied, null, RatingSource.Automatic, Org.Dispatcher, _builder.Now, Org.Rules));
    }

    [Fact]
    public void Rate_FromRevisitCall_RecordsRevisit()
    {
        var c = _builder.Build();

        c.Rate(Rating.Satisfied, null, RatingSource.Revisit, Org.Dispatcher, _builder.Now, Org.Rules);

        Assert.Equal(CaseState.Closed, c.State);
        Assert.Equal(RatingSource.Revisit, c.RatingSource);
        Assert.Equal(CaseEventType.RevisitRecorded, c.Timeline[^1].Type);
    }
}
