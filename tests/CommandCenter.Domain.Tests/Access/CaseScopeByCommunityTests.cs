using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Access;

/// <summary>
/// The split of a post's cases by community that the stored daily figures serve (docs/decisions/0014): the whole communities and
/// the cases besides are exactly the cases <see cref="CaseScope.VisibleTo"/> gives, and never overlap.
/// </summary>
public sealed class CaseScopeByCommunityTests
{
    private static readonly CommunityId Elsewhere = new(20);

    private static readonly Community[] Communities =
    [
        new() { Id = Org.CommunityId, StreetId = Org.StreetId, Name = "Own" },
        new() { Id = Elsewhere, StreetId = new StreetId(2), Name = "Other street's" },
    ];

    private static Post Of(AccessRole role, StreetId? street = null, CommunityId? community = null, UnitId? unit = null) =>
        new() { Role = role, Name = role.ToString(), Source = ActSource.Console, StreetId = street, CommunityId = community, UnitId = unit };

    public static TheoryData<string, Post> Posts => new()
    {
        { "district's leader", Of(AccessRole.StreetLeader) },
        { "the street's dispatcher", Of(AccessRole.Dispatcher, Org.StreetId) },
        { "another street's dispatcher", Of(AccessRole.Dispatcher, new StreetId(2)) },
        { "the community's staff", Of(AccessRole.CommunityStaff, Org.StreetId, Org.CommunityId, Org.Committee.Id) },
        // A committee holding cases outside its community: those are the post's cases besides its community.
        { "another community's staff whose committee holds cases here", Of(AccessRole.CommunityStaff, new StreetId(2), Elsewhere, Org.Committee.Id) },
    };

    [Theory, MemberData(nameof(Posts))]
    public void WholeCommunitiesAndTheCasesBesides_AreExactlyTheVisibleCases(string who, Post post)
    {
        var split = CaseScope.ByCommunity(post, Communities);
        Assert.NotNull(split);
        var visible = CaseScope.VisibleTo(post).Compile();
        var beyond = split.Beyond?.Compile() ?? (_ => false);
        foreach (var level in Enum.GetValues<HandlingLevel>())
        foreach (var state in new[] { CaseState.Dispatched, CaseState.InProgress, CaseState.Closed })
        {
            var @case = CaseBuilder.In(state).AtLevel(level).Build();
            var whole = split.Communities is null || split.Communities.Contains(@case.CommunityId);
            Assert.False(whole && beyond(@case), $"{who}: {level} {state} counted twice");
            Assert.True(visible(@case) == (whole || beyond(@case)), $"{who}: {level} {state}");
        }
    }

    [Fact]
    public void TheCommitteesCasesElsewhere_AreTheCasesBesides_OfAnotherCommunitysPost()
    {
        var post = Of(AccessRole.CommunityStaff, new StreetId(2), Elsewhere, Org.Committee.Id);
        var beyond = CaseScope.ByCommunity(post, Communities)!.Beyond!.Compile();

        Assert.True(beyond(CaseBuilder.In(CaseState.InProgress).AtLevel(HandlingLevel.Community).Build()));
        Assert.False(beyond(CaseBuilder.In(CaseState.InProgress).AtLevel(HandlingLevel.Courtyard).Build()));
    }

    [Fact]
    public void APostOfCourtyardsOrADepartment_IsNotMadeOfWholeCommunities()
    {
        Assert.Null(CaseScope.ByCommunity(Of(AccessRole.GridWorker, Org.StreetId, Org.CommunityId), Communities));
        Assert.Null(CaseScope.ByCommunity(Of(AccessRole.DepartmentLiaison, unit: Org.Housing.Id), Communities));
    }
}
