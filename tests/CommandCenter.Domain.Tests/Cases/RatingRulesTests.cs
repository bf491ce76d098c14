using CommandCenter.Domain.Cases;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>Who may give which rating: a person gives three of the four, from two of the three sources.</summary>
public sealed class RatingRulesTests
{
    [Fact]
    public void ByPerson_IsEveryRatingButTheTimers_BestFirst()
    {
        Assert.Equal([Rating.Satisfied, Rating.BasicallySatisfied, Rating.Unsatisfied], RatingRules.ByPerson);
        Assert.Equal(Enum.GetValues<Rating>().Except([Rating.DefaultSatisfied]), RatingRules.ByPerson);
    }

    [Fact]
    public void PersonSources_AreTheReporterAndARevisitCall()
    {
        Assert.Equal([RatingSource.Reporter, RatingSource.Revisit], RatingRules.PersonSources);
    }

    [Theory]
    [InlineData(Channel.Hotline, true)]
    [InlineData(Channel.ResidentQr, true)]
    [InlineData(Channel.GridPatrol, false)]
    [InlineData(Channel.Dispatcher, false)]
    [InlineData(Channel.ExternalSystem, false)]
    public void HasRater_OnlyChannelsWithAResidentToAsk(Channel channel, bool hasRater)
    {
        Assert.Equal(hasRater, RatingRules.HasRater(channel));
    }

    public static TheoryData<Rating, RatingSource, string?, string?> Ratings() => new()
    {
        { Rating.Satisfied, RatingSource.Reporter, null, null },
        { Rating.BasicallySatisfied, RatingSource.Revisit, null, null },
        { Rating.Unsatisfied, RatingSource.Reporter, null, null },
        { Rating.DefaultSatisfied, RatingSource.Reporter, "InvalidRating", "rating" },
        { Rating.Satisfied, RatingSource.Automatic, "InvalidRatingSource", "source" },
        { (Rating)99, RatingSource.Reporter, "UnknownValue", "rating" },
        { Rating.Satisfied, (RatingSource)99, "UnknownValue", "source" },
    };

    [Theory]
    [MemberData(nameof(Ratings))]
    public void Check_RatingAndSource_AcceptedOrRefusedWithCodeAndField(Rating rating, RatingSource source, string? code, string? field)
    {
        if (code is null) RatingRules.Check(rating, source);
        else Expect.Invalid(code, field!, () => RatingRules.Check(rating, source));
    }
}
