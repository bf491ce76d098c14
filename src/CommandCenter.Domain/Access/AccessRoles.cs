namespace CommandCenter.Domain.Access;

/// <summary>The sets of roles the rules and the organisation ask about.</summary>
public static class AccessRoles
{
    /// <summary>The roles a staff member may hold, in the order of DESIGN §9.</summary>
    public static readonly IReadOnlyList<AccessRole> Staff =
    [
        AccessRole.Administrator, AccessRole.StreetLeader, AccessRole.Dispatcher, AccessRole.CommunityStaff,
        AccessRole.GridWorker, AccessRole.DepartmentLiaison, AccessRole.PropertyStaff, AccessRole.MicroGridMember,
        AccessRole.BuildingHead,
    ];

    public static bool IsStaff(this AccessRole role) => Staff.Contains(role);
}
