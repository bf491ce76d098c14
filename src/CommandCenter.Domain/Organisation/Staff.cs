namespace CommandCenter.Domain.Organisation;

public enum StaffRole
{
    Administrator,
    StreetLeader,
    Dispatcher,
    CommunityStaff,
    GridWorker,
    DepartmentLiaison,
    PropertyStaff,
    MicroGridMember,
}

public sealed class Staff
{
    public int Id { get; init; }
    public required string Name { get; init; }
    public required string Phone { get; init; }
    public StaffRole Role { get; init; }
    public int? UnitId { get; init; }
    public int? CommunityId { get; init; }
    public int? GridId { get; init; }
}
