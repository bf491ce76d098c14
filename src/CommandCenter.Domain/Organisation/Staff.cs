using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Organisation;

public sealed class Staff
{
    private readonly AccessRole _role;

    public StaffId Id { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }

    /// <summary>One of <see cref="AccessRoles.Staff"/>: a display, a resident or the system is no one's job.</summary>
    public required AccessRole Role
    {
        get => _role;
        init => _role = value.IsStaff() ? value : throw new ArgumentOutOfRangeException(nameof(Role), value, "A staff member holds a staff role.");
    }

    public UnitId? UnitId { get; init; }
    public CommunityId? CommunityId { get; init; }
    public GridId? GridId { get; init; }
    /// <summary>
    /// The street a street-level post (dispatcher, leader, administrator) works for; null for a district-level post, which
    /// sees every street. A community's or grid's post is in its community's street already.
    /// </summary>
    public StreetId? StreetId { get; init; }
    /// <summary>Someone who left or is away: kept for the cases and figures they are named in, but signs in and acts no more.</summary>
    public bool IsActive { get; init; } = true;

    public const int MaxNameLength = 32;

    /// <summary>
    /// A new staff member, checked: a name, a phone the street can call, a staff role, and what the
    /// role's post is made of — a unit for those who handle cases for one, a community for community
    /// staff, a grid for grid workers. Whether the unit, community or grid exists is the caller's to check.
    /// </summary>
    public static Staff New(StaffId id, string? name, string? phone, AccessRole role, UnitId? unitId, CommunityId? communityId, GridId? gridId, bool active = true)
    {
        var checkedName = PlainText.Required(name, "name", MaxNameLength);
        var checkedPhone = PhoneNumber.Check(phone, "phone") ?? throw new DomainValidationException("Required", "phone is required.", "phone");
        if (!role.IsStaff()) throw new DomainValidationException("NotAStaffRole", $"{role} is not a staff member's role.", "role");
        if (role is AccessRole.DepartmentLiaison or AccessRole.PropertyStaff && unitId is null)
            throw new DomainValidationException("PostNeedsUnit", $"A {role} works for a unit.", "unitId");
        if (role is AccessRole.CommunityStaff && communityId is null)
            throw new DomainValidationException("PostNeedsCommunity", "Community staff belong to a community.", "communityId");
        if (role is AccessRole.GridWorker && gridId is null)
            throw new DomainValidationException("PostNeedsGrid", "A grid worker has a grid.", "gridId");
        return new Staff { Id = id, Name = checkedName, Phone = checkedPhone, Role = role, UnitId = unitId, CommunityId = communityId, GridId = gridId, IsActive = active };
    }
}
