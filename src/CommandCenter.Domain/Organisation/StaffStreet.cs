using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Organisation;

/// <summary>
/// Which street a person belongs to (docs/decisions/0017): a person with a post in a community takes that community's
/// street, not chosen; a person whose posts are all street- or district-level is given one, or none (district level).
/// A street's administrator places people only in their own street.
/// </summary>
public static class StaffStreet
{
    /// <param name="postsStreets">The streets of the communities the person's current posts lie in (none for street- and district-level posts).</param>
    /// <param name="chosen">The street asked for; null: district level, or the posts' street.</param>
    /// <param name="callersStreet">The administrator's own street; null for a district administrator.</param>
    public static StreetId? Decide(IEnumerable<StreetId> postsStreets, StreetId? chosen, StreetId? callersStreet)
    {
        var fromPosts = postsStreets.Distinct().ToList();
        if (fromPosts.Count > 1)
            throw new DomainValidationException("PostsInTwoStreets", "A person's posts lie in the communities of one street only.", "streetId");
        var street = fromPosts.Count == 1 ? fromPosts[0] : chosen ?? callersStreet;
        if (chosen is { } asked && asked != street)
            throw new DomainValidationException("StreetContradictsPost", "The post lies in a community of another street.", "streetId");
        if (callersStreet is { } own && street != own)
            throw new DomainValidationException("StreetOutsideScope", "A street's administrator places people only in their own street.", "streetId");
        return street;
    }

    /// <summary>Whether an administrator sees and changes a person: a district administrator everyone, a street's only their street's people.</summary>
    public static bool Manages(StreetId? callersStreet, StreetId? personsStreet) => callersStreet is null || callersStreet == personsStreet;
}
