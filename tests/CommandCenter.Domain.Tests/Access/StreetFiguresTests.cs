using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Access;

/// <summary>Whose figures a post may have street by street: asking narrows a post, never widens it.</summary>
public sealed class StreetFiguresTests
{
    private static readonly StreetId A = new(1);
    private static readonly StreetId B = new(2);

    private static Post Of(AccessRole role, StreetId? street = null, CommunityId? community = null) =>
        new() { Role = role, Name = "测试", Source = ActSource.Console, StreetId = street, CommunityId = community };

    public static TheoryData<Post, StreetId, bool, StreetFiguresRefusal?, string> Cases => new()
    {
        { Of(AccessRole.StreetLeader), B, true, null, "a district post asks for any street" },
        { Of(AccessRole.StreetLeader, A), A, true, null, "a street's post asks for its own" },
        { Of(AccessRole.StreetLeader, A), B, true, StreetFiguresRefusal.OutsideScope, "a street's post does not widen itself to another street" },
        { Of(AccessRole.CommunityStaff, A, new CommunityId(3)), A, true, StreetFiguresRefusal.OutsideScope, "a community's post is narrower than its street" },
        { Of(AccessRole.StreetLeader), new StreetId(99), false, StreetFiguresRefusal.UnknownStreet, "no such street, whoever asks" },
        { Of(AccessRole.StreetLeader, A), new StreetId(99), false, StreetFiguresRefusal.UnknownStreet, "unknown before outside: nothing to be outside of" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhyNot_DecidesByScopeAndStreet(Post post, StreetId street, bool exists, StreetFiguresRefusal? refusal, string reason) =>
        Assert.True(refusal == StreetFigures.WhyNot(post, street, exists), reason);

    [Fact]
    public void As_AStreetsPost_SeesThatStreetsCasesAlone()
    {
        var scorer = StreetFigures.As(Of(AccessRole.StreetLeader), B);

        Assert.Equal(B, scorer.StreetId);
        Assert.False(CaseScope.SeesEveryCase(scorer));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, 2, true)]
    [InlineData(1, null, true)]
    [InlineData(1, 1, true)]
    [InlineData(1, 2, false)]
    public void Lists_AStreetsPeopleAndTheDistricts(int? street, int? personsStreet, bool listed) =>
        Assert.Equal(listed, StreetFigures.Lists(street is { } s ? new StreetId(s) : null, personsStreet is { } p ? new StreetId(p) : null));

    [Fact]
    public void Chooses_OnlyADistrictPost_AmongSeveralStreets()
    {
        Assert.True(StreetFigures.Chooses(Of(AccessRole.StreetLeader), 2));
        Assert.False(StreetFigures.Chooses(Of(AccessRole.StreetLeader), 1));
        Assert.False(StreetFigures.Chooses(Of(AccessRole.StreetLeader, A), 2));
    }
}
