using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Access;

/// <summary>Why a post may not have one street's figures.</summary>
public enum StreetFiguresRefusal
{
    /// <summary>No such street in the district.</summary>
    UnknownStreet,
    /// <summary>A street the post does not cover: another street's, or any street for a post narrower than a street.</summary>
    OutsideScope,
}

/// <summary>
/// One street's figures — the scores of its units and its people, and its 红黑榜 — are worked out as a post of that street
/// (docs/decisions/0017): a district post may ask for any street, a street's post only for its own, so asking can narrow a
/// post and never widen it. The unit scores, the person scores and publishing all read this rule.
/// </summary>
public static class StreetFigures
{
    /// <summary>Why <paramref name="post"/> may not have <paramref name="street"/>'s figures, or null when it may.</summary>
    /// <param name="exists">Whether the district has the street.</param>
    public static StreetFiguresRefusal? WhyNot(Post post, StreetId street, bool exists) =>
        !exists ? StreetFiguresRefusal.UnknownStreet
        : CaseScope.CoversStreet(post, street) ? null
        : StreetFiguresRefusal.OutsideScope;

    /// <summary>The post as a post of <paramref name="street"/>, once <see cref="WhyNot"/> allowed it: its cases are that street's alone.</summary>
    public static Post As(Post post, StreetId street) => post with { StreetId = street };

    /// <summary>Whether a post chooses among streets at all: a district post, when the district has more than one.</summary>
    public static bool Chooses(Post post, int streets) => CaseScope.SeesEveryCase(post) && streets > 1;

    /// <summary>
    /// Whether a person is listed among a street's people before acting there: one of that street's, or a district-level
    /// person, who may act in every street. Without a street, everyone.
    /// </summary>
    public static bool Lists(StreetId? street, StreetId? personsStreet) => street is null || personsStreet is null || personsStreet == street;
}
