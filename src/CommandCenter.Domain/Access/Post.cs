using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Access;

/// <summary>
/// Who acts, in which post, over which part of the street, and through which source. Every page,
/// API call and hub join is decided from one of these, by <see cref="CaseScope"/>, <see cref="CommandRights"/> and <see cref="Capabilities"/>.
/// </summary>
public sealed record Post
{
    public required AccessRole Role { get; init; }
    public required string Name { get; init; }
    public required ActSource Source { get; init; }
    public StaffId? StaffId { get; init; }
    /// <summary>Which of the staff member's posts (<see cref="StaffPost.Number"/>) this is; null for posts no staff member holds.</summary>
    public int? PostNumber { get; init; }
    public UnitId? UnitId { get; init; }
    public CommunityId? CommunityId { get; init; }
    /// <summary>The one street a street-wide post covers; null: every street of the district (see <see cref="Organisation.Staff.StreetId"/>).</summary>
    public StreetId? StreetId { get; init; }
    /// <summary>The courtyards of a courtyard-scoped post: a grid's, or those a company or group looks after.</summary>
    public IReadOnlyList<CourtyardId> CourtyardIds { get; init; } = [];
    /// <summary>The token a display signed in with; revoking it ends the display's access.</summary>
    public int? DisplayTokenId { get; init; }
    /// <summary>The one case a resident's tracking code opens.</summary>
    public Guid? TrackedCaseId { get; init; }

    public ScopeKind Scope => Role switch
    {
        AccessRole.CommunityStaff => ScopeKind.Community,
        AccessRole.Display when CommunityId is not null => ScopeKind.Community,
        AccessRole.GridWorker or AccessRole.PropertyStaff or AccessRole.MicroGridMember or AccessRole.BuildingHead => ScopeKind.Courtyards,
        AccessRole.DepartmentLiaison => ScopeKind.Department,
        AccessRole.Resident => ScopeKind.TrackedCase,
        _ => ScopeKind.Street,
    };

    /// <summary>
    /// A property company's staff go on seeing and handling the cases their company holds in a
    /// courtyard it no longer serves (it was replaced): cases keep the unit they had.
    /// </summary>
    public bool KeepsUnitCases => Role == AccessRole.PropertyStaff && UnitId is not null;

    /// <summary>Written on every timeline event and audit entry this post causes.</summary>
    public Actor Actor => new(Name, Role, UnitId, Source, StaffId, PostNumber);

    public bool Can(Capability capability) => Capabilities.Allow(Role, capability);

    public Post Via(ActSource source) => this with { Source = source };

    /// <summary>
    /// A staff member acting in one of their posts (<paramref name="post"/>, which <paramref name="unit"/> is the unit of):
    /// the courtyards of its grid, those its unit looks after, or a building head's one courtyard.
    /// </summary>
    public static Post Of(Staff staff, StaffPost post, HandlingUnit? unit, IEnumerable<Courtyard> courtyards, ActSource source)
    {
        var courtyardIds = post.Role switch
        {
            AccessRole.GridWorker => courtyards.Where(c => c.GridId == post.GridId).Select(c => c.Id).ToList(),
            AccessRole.PropertyStaff or AccessRole.MicroGridMember when unit is { ServedCourtyardIds.Count: > 0 } => [.. unit.ServedCourtyardIds],
            AccessRole.MicroGridMember => courtyards.Where(c => c.GridId == post.GridId).Select(c => c.Id).ToList(),
            AccessRole.BuildingHead when post.CourtyardId is { } courtyard => [courtyard],
            _ => [],
        };
        return new Post
        {
            Role = post.Role, Name = staff.Name, Source = source, StaffId = staff.Id, PostNumber = post.Number, UnitId = post.UnitId,
            CommunityId = post.CommunityId ?? unit?.CommunityId, StreetId = staff.StreetId, CourtyardIds = courtyardIds,
        };
    }

    /// <summary>An unattended wall, read-only, over its token's street or one community of it.</summary>
    public static Post Display(int tokenId, string name, StreetId? streetId, CommunityId? communityId) => new()
    {
        Role = AccessRole.Display, Name = name, Source = ActSource.Display, DisplayTokenId = tokenId, StreetId = streetId, CommunityId = communityId,
    };

    /// <summary>A resident reporting, or following the case their tracking code opens.</summary>
    public static Post Resident(ActSource source, Guid? trackedCaseId = null) =>
        new() { Role = AccessRole.Resident, Name = "居民", Source = source, TrackedCaseId = trackedCaseId };

    /// <summary>The street's own machinery: deadline timers, the simulator, the demo loader.</summary>
    public static Post System(ActSource source) => new() { Role = AccessRole.System, Name = "system", Source = source };
}

public enum ScopeKind
{
    Street,
    Community,
    Courtyards,
    Department,
    TrackedCase,
}
