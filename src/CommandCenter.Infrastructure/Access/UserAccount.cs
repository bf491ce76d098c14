using CommandCenter.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace CommandCenter.Infrastructure.Access;

/// <summary>A sign-in of one staff member. The post (role, unit, scope) comes from the staff record, not from here.</summary>
public sealed class UserAccount : IdentityUser
{
    public StaffId StaffId { get; set; }
    /// <summary>Seeded with the demo street; refused in Production unless the demo data is on.</summary>
    public bool IsDemo { get; set; }
    /// <summary>Set by an administrator's reset: until the person chooses their own password, the sign-in opens nothing else.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>The post (<see cref="Domain.Organisation.StaffPost.Number"/>) the person last chose to act in; their next sign-in starts in it.</summary>
    public int? PostNumber { get; set; }
}
