using System.Linq.Expressions;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Access;

/// <summary>
/// Which courtyards' archives a post may read, and what of the people in them (docs/decisions/0005,
/// issue 17). The places are those of <see cref="CaseScope"/>: the street, a community, or the courtyards
/// of a grid or a company. A department has no courtyards. A courtyard outside the scope answers 404.
/// </summary>
public static class ArchiveScope
{
    public static Expression<Func<Courtyard, bool>> CourtyardsVisibleTo(Post post)
    {
        var communityId = post.CommunityId ?? new CommunityId(-1);
        // A list, not an array: see CaseScope.VisibleTo.
        List<CourtyardId> courtyardIds = [.. post.CourtyardIds];
        if (!post.Can(Capability.ViewArchive)) return c => false;
        return post.Scope switch
        {
            ScopeKind.Street => c => true,
            ScopeKind.Community => c => c.CommunityId == communityId,
            ScopeKind.Courtyards => c => courtyardIds.Contains(c.Id),
            _ => c => false,
        };
    }

    public static bool Includes(Post post, Courtyard courtyard) => CourtyardsVisibleTo(post).Compile(preferInterpretation: true)(courtyard);

    /// <summary>
    /// Whether the post sees residents' tags (低保, disabled, …): those who care for residents. Property staff
    /// keep the homes and their owners, not what the community knows about the people in them.
    /// </summary>
    public static bool SeesTags(Post post) => post.Can(Capability.SearchResidentsByTag);
}
