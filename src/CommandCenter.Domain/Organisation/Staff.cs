using CommandCenter.Domain.Access;

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
    public int? GridId { get; init; }
}
