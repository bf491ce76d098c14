namespace CommandCenter.Domain.Access;

/// <summary>
/// The roles of DESIGN §9: the post a staff member holds (<see cref="Organisation.Staff.Role"/>),
/// the post a sign-in or token acts in, and the role every timeline event and audit entry records.
/// Display, Resident and System are posts no staff member holds (<see cref="AccessRoles.IsStaff"/>).
/// </summary>
public enum AccessRole
{
    Administrator,
    StreetLeader,
    Dispatcher,
    CommunityStaff,
    GridWorker,
    DepartmentLiaison,
    PropertyStaff,
    MicroGridMember,
    /// <summary>楼栋长: a resident who looks after one courtyard for its owners' committee or courtyard group.</summary>
    BuildingHead,
    /// <summary>An unattended wall, read-only.</summary>
    Display,
    /// <summary>An anonymous reporter holding one case's tracking code; a resident never signs in.</summary>
    Resident,
    /// <summary>No person: the street's own timers and simulator, or another system feeding the API.</summary>
    System,
}
