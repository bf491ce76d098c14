using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Credit;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Credit;

/// <summary>评估定星: five dimensions (seed 003), each 1 to 5 stars.</summary>
public sealed class CommitteeRatingTests
{
    private static readonly Actor Street = new("街道 王", AccessRole.Dispatcher, null, ActSource.Console);
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    private static Dictionary<CommitteeDimension, int> Stars(int each = 4) => Enum.GetValues<CommitteeDimension>().ToDictionary(d => d, _ => each);

    [Fact]
    public void TheStreetsFiveDimensions_AreRated()
    {
        Assert.Equal(5, Enum.GetValues<CommitteeDimension>().Length);
        var stars = Stars();
        stars[CommitteeDimension.Innovation] = 2;
        stars[CommitteeDimension.PartyLeadership] = 5;

        var rating = CommitteeRating.Rate(new CourtyardId(3), 2026, stars, Street, Now);

        Assert.Equal(5, rating.StarsOn(CommitteeDimension.PartyLeadership));
        Assert.Equal(2, rating.StarsOn(CommitteeDimension.Innovation));
        Assert.Equal(3.8m, rating.Overall); // (5 + 4 + 4 + 4 + 2) ÷ 5
        Assert.Equal("街道 王", rating.RatedBy);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void StarsOutside1To5_AreRefused(int stars)
    {
        var given = Stars();
        given[CommitteeDimension.SocialEvaluation] = stars;

        Assert.Equal("StarsOutOfRange", Assert.Throws<DomainValidationException>(() => CommitteeRating.Rate(new CourtyardId(3), 2026, given, Street, Now)).Code);
    }

    [Fact]
    public void AMissingDimension_OrAnUnknownOne_IsRefused()
    {
        var missing = Stars();
        missing.Remove(CommitteeDimension.Institutions);
        var unknown = Stars();
        unknown[(CommitteeDimension)9] = 3;

        Assert.Equal("DimensionMissing", Assert.Throws<DomainValidationException>(() => CommitteeRating.Rate(new CourtyardId(3), 2026, missing, Street, Now)).Code);
        Assert.Equal("UnknownValue", Assert.Throws<DomainValidationException>(() => CommitteeRating.Rate(new CourtyardId(3), 2026, unknown, Street, Now)).Code);
    }

    [Fact]
    public void AFutureYear_IsRefused()
    {
        Assert.Equal("YearOutOfRange", Assert.Throws<DomainValidationException>(() => CommitteeRating.Rate(new CourtyardId(3), 2027, Stars(), Street, Now)).Code);
    }
}
