using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Archive;

/// <summary>Which courtyards' archives each post reads, and who sees residents' tags.</summary>
public class ArchiveScopeTests
{
    private static readonly Courtyard Elsewhere = new() { Id = new CourtyardId(900), GridId = new GridId(90), CommunityId = new CommunityId(99), Name = "Elsewhere" };

    private static Post PostOf(AccessRole role, CommunityId? community = null, params CourtyardId[] courtyards) =>
        new() { Role = role, Name = role.ToString(), Source = ActSource.Console, CommunityId = community, CourtyardIds = courtyards, UnitId = new UnitId(7) };

    public static TheoryData<string, bool, bool, bool> Posts => new()
    {
        // post, own courtyard, another community's, sees tags
        { "StreetLeader", true, true, true },
        { "Dispatcher", true, true, true },
        { "CommunityStaff", true, false, true },
        { "GridWorker", true, false, true },
        { "PropertyStaff", true, false, false },
        { "MicroGridMember", true, false, false },
        { "DepartmentLiaison", false, false, false },
        { "Display", false, false, false },
        { "Resident", false, false, false },
    };

    [Theory]
    [MemberData(nameof(Posts))]
    public void EachPost_SeesItsPlaces(string role, bool own, bool other, bool tags)
    {
        var post = PostOf(Enum.Parse<AccessRole>(role), Org.CommunityId, Org.Courtyard.Id);
        Assert.Equal((own, other, tags),
            (ArchiveScope.Includes(post, Org.Courtyard, Org.StreetId), ArchiveScope.Includes(post, Elsewhere, Org.StreetId), ArchiveScope.SeesTags(post)));
    }

    [Fact]
    public void AGridWorker_DoesNotSeeTheRestOfTheirCommunity() =>
        Assert.False(ArchiveScope.Includes(PostOf(AccessRole.GridWorker, Org.CommunityId, Org.Courtyard.Id), Org.NeighbourCourtyard, Org.StreetId));

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void AStreetPost_ReadsOnlyItsOwnStreetsCourtyards(int? street, bool reads)
    {
        var post = PostOf(AccessRole.Dispatcher) with { StreetId = street is { } id ? new StreetId(id) : null };
        Assert.Equal(reads, ArchiveScope.Includes(post, Org.Courtyard, Org.StreetId));
    }
}
