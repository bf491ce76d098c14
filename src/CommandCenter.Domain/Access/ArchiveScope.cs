using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Access;

/// <summary>
/// Which courtyards' archives a post may read, and what of the people in them (docs/decisions/0005,
/// issue 17). The places are those of <see cref="CaseScope"/>: the street, a community, or the courtyards
/// of a grid or a company. A department has no courtyards. A courtyard outside the scope answers 404.
/// </summary>
public static class ArchiveScope
{
    /// <summary>
    /// Whether the post reads <paramref name="courtyard"/>'s archive; <paramref name="street"/> is the street it lies in (its
    /// community's): a street's post reads only its own street's courtyards (0017), as it sees only its street's cases.
    /// </summary>
    public static bool Includes(Post post, Courtyard courtyard, StreetId street) => post.Can(Capability.ViewArchive) && post.Scope switch
    {
        ScopeKind.Street => CaseScope.InStreet(post, street),
        ScopeKind.Community => courtyard.CommunityId == post.CommunityId,
        ScopeKind.Courtyards => post.CourtyardIds.Contains(courtyard.Id),
        _ => false,
    };

    /// <summary>
    /// Whether the post sees residents' tags (低保, disabled, …): those who care for residents. Property staff
    /// keep the homes and their owners, not what the community knows about the people in them.
    /// </summary>
    public static bool SeesTags(Post post) => post.Can(Capability.SearchResidentsByTag);
}
