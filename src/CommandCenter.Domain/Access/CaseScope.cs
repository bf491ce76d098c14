using System.Linq.Expressions;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Access;

/// <summary>
/// Which cases a post may see. Written once as an expression so the database filters
/// queues by the same rule that guards one case in memory.
/// </summary>
public static class CaseScope
{
    public static Expression<Func<Case, bool>> VisibleTo(Post post)
    {
        var unitId = post.UnitId ?? new UnitId(-1);
        var communityId = post.CommunityId ?? new CommunityId(-1);
        // A list, not an array: C# 14 binds array.Contains to a span overload that the expression interpreter cannot run.
        List<CourtyardId> courtyardIds = [.. post.CourtyardIds];
        var trackedCaseId = post.TrackedCaseId ?? Guid.Empty;
        var keptUnitId = post.KeepsUnitCases ? unitId : new UnitId(-1);
        var streetId = post.StreetId ?? new StreetId(-1);
        return post.Scope switch
        {
            _ when SeesEveryCase(post) => c => true,
            ScopeKind.Street => c => c.StreetId == streetId,
            // Community staff also see what their committee holds, wherever it is.
            ScopeKind.Community => c => c.CommunityId == communityId || c.CurrentUnitId == unitId,
            ScopeKind.Courtyards => c => courtyardIds.Contains(c.CourtyardId) || c.CurrentUnitId == keptUnitId,
            ScopeKind.Department => c => c.CurrentUnitId == unitId || c.Parts.Any(p => p.UnitId == unitId),
            ScopeKind.TrackedCase => c => c.Id == trackedCaseId,
            _ => c => false,
        };
    }

    public static bool Includes(Post post, Case @case) => VisibleTo(post).Compile(preferInterpretation: true)(@case);

    /// <summary>
    /// Whether a post may report a case in <paramref name="courtyard"/>: only where the new case,
    /// held by no unit yet, would be in its scope, so nobody files a case they cannot then read.
    /// </summary>
    /// <param name="street">The street the courtyard lies in (its community's).</param>
    public static bool MayReportInto(Post post, Courtyard courtyard, StreetId street) => post.Scope switch
    {
        ScopeKind.Street => InStreet(post, street),
        ScopeKind.Community => post.CommunityId == courtyard.CommunityId,
        ScopeKind.Courtyards => post.CourtyardIds.Contains(courtyard.Id),
        // A resident reports where the QR code they scanned hangs and follows the case by its tracking code.
        ScopeKind.TrackedCase => true,
        // A department sees only what it is sent: a case it filed would vanish from its view at once.
        _ => false,
    };

    /// <summary>Whether a post may follow a community's events (its wall, its hub group).</summary>
    public static bool CoversCommunity(Post post, Community community) => post.Scope switch
    {
        ScopeKind.Street => InStreet(post, community.StreetId),
        ScopeKind.Community => post.CommunityId == community.Id,
        _ => false,
    };

    /// <summary>
    /// The wall a post is shown when it asks for <paramref name="requested"/> (null: the street):
    /// a community's post — its staff, its display — sees its own community whatever it asks for, and a street's post
    /// asking for another street's community sees its own street.
    /// </summary>
    public static CommunityId? WallFor(Post post, Community? requested) => post.Scope switch
    {
        ScopeKind.Street => requested is not null && InStreet(post, requested.StreetId) ? requested.Id : null,
        _ => post.CommunityId ?? requested?.Id,
    };

    /// <summary>
    /// The street whose wall a street-wide post is shown when it asks for <paramref name="requested"/> (null: every street
    /// it covers): a street's post sees its own street whatever it asks for.
    /// </summary>
    public static StreetId? StreetWallFor(Post post, StreetId? requested) => post.StreetId ?? requested;

    /// <summary>Whether a post may follow the whole of <paramref name="street"/>.</summary>
    public static bool CoversStreet(Post post, StreetId street) => post.Scope == ScopeKind.Street && InStreet(post, street);

    /// <summary>Whether a post sees every case of every street: then a query needs no condition for its scope.</summary>
    public static bool SeesEveryCase(Post post) => post.Scope == ScopeKind.Street && post.StreetId is null;

    /// <summary>
    /// <see cref="VisibleTo"/> split by community, for figures kept per community (docs/decisions/0014): the communities every
    /// case of which the post sees (null: every community), and the cases it sees besides (null: none) — a community post's
    /// cases its committee holds in other communities. Null when the scope is not made of whole communities (courtyards, a
    /// department's cases, one tracked case).
    /// </summary>
    public static CommunitySplit? ByCommunity(Post post, IEnumerable<Community> communities)
    {
        var unitId = post.UnitId ?? new UnitId(-1);
        var communityId = post.CommunityId ?? new CommunityId(-1);
        return post.Scope switch
        {
            _ when SeesEveryCase(post) => new CommunitySplit(null, null),
            ScopeKind.Street => new CommunitySplit([.. communities.Where(c => c.StreetId == post.StreetId).Select(c => c.Id)], null),
            // VisibleTo's "held by the committee" less the cases of its own community.
            ScopeKind.Community => new CommunitySplit([communityId], c => c.CurrentUnitId == unitId && c.CommunityId != communityId),
            _ => null,
        };
    }

    /// <summary>A district-level post (no street of its own) covers every street.</summary>
    internal static bool InStreet(Post post, StreetId street) => post.StreetId is null || post.StreetId == street;

    /// <summary>
    /// Whether a post may follow a unit's events: any from a street-wide post, else its own unit —
    /// but not a grid worker, whose unit is the whole community committee, wider than their grid. A street's post
    /// follows only its own unit: a district department's events carry every street's cases.
    /// </summary>
    public static bool CoversUnit(Post post, UnitId unitId) =>
        post.Scope == ScopeKind.Street && post.StreetId is null || post.UnitId == unitId && post.Role != AccessRole.GridWorker;

    /// <summary>Whether an event's case is held by the post's unit and lies within its scope: its phone's work.</summary>
    public static bool Holds(Post post, UnitId? unitId, CourtyardId courtyardId) =>
        post.UnitId is { } own && unitId == own
        && (post.Scope != ScopeKind.Courtyards || post.KeepsUnitCases || post.CourtyardIds.Contains(courtyardId));
}

/// <summary>A post's cases as whole communities (<see cref="Communities"/>, null: all) and the cases it sees besides (<see cref="Beyond"/>, null: none).</summary>
public sealed record CommunitySplit(IReadOnlyList<CommunityId>? Communities, Expression<Func<Case, bool>>? Beyond);
