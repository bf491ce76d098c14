using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Organisation;

namespace CommandCenter.Web.Session;

/// <summary>
/// Whom the console acts for in this circuit. Until sign-in exists it is a demo staff member
/// picked in the app bar; by default the street's first dispatcher.
/// </summary>
public sealed class CurrentActor(OrganisationDirectory directory)
{
    public const string Source = "Console";

    private Staff? _staff;

    public Staff Staff => _staff ??= directory.Staff.FirstOrDefault(s => s.Role == StaffRole.Dispatcher)
        ?? throw new InvalidOperationException("The directory has no dispatcher to act as.");

    /// <summary>Written on every timeline event this console causes.</summary>
    public Actor Actor => new(Staff.Name, Staff.Role.ToString(), Staff.UnitId, Source);

    public void ActAs(Staff staff) => _staff = staff;
}
