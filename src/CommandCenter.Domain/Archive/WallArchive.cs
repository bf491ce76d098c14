using CommandCenter.Domain.Access;

namespace CommandCenter.Domain.Archive;

/// <summary>What a wall shows of a courtyard's archive beside its cases: counts, never names.</summary>
public static class WallArchive
{
    /// <summary>
    /// The tags a wall counts: who is visited first in a heat wave or a flood, and who the courtyard calls on. 低保 and
    /// disability are not put on a screen in a room, even as counts.
    /// </summary>
    public static readonly IReadOnlyList<ResidentTags> Tags = [ResidentTags.ElderlyAlone, ResidentTags.PartyMember];

    /// <summary>The tags this post's wall counts: none for a post that does not see residents' tags.</summary>
    public static IReadOnlyList<ResidentTags> TagsFor(Post post) => ArchiveScope.SeesTags(post) ? Tags : [];
}
