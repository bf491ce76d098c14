namespace CommandCenter.Domain.Access;

/// <summary>
/// The posts of DESIGN §9 that sign in or hold a token. Staff roles mirror
/// <see cref="Organisation.StaffRole"/>; a display is an unattended wall, and the system is the
/// street's own timers and simulator. A resident never signs in: the tracking code is their token for one case.
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
    Display,
    /// <summary>An anonymous reporter holding one case's tracking code.</summary>
    Resident,
    System,
}
