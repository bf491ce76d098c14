using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Organisation;

/// <summary>
/// One post a person holds (a 书记 may also be a 网格长): a staff role and what the role's post is made of.
/// Numbered within the person, never renumbered; an ended post stays on record, so what was done in it keeps its name.
/// </summary>
public sealed class StaffPost
{
    /// <summary>1 for the person's first post, then 2, 3…: the session names the post it acts in by this number.</summary>
    public int Number { get; private init; }

    /// <summary>One of <see cref="AccessRoles.Staff"/>: a display, a resident or the system is no one's job.</summary>
    public AccessRole Role { get; private set; }
    public UnitId? UnitId { get; private set; }
    public CommunityId? CommunityId { get; private set; }
    public GridId? GridId { get; private set; }
    /// <summary>The one courtyard a building head (楼栋长) looks after.</summary>
    public CourtyardId? CourtyardId { get; private set; }
    /// <summary>When the person left the post; null while they hold it.</summary>
    public DateTime? EndedAtUtc { get; private set; }

    public bool IsCurrent => EndedAtUtc is null;

    /// <summary>
    /// A post, checked: a staff role and what it is made of — a unit for those who handle cases for one, a community for
    /// community staff, a grid for grid workers, a unit and its courtyard for a building head. Whether they exist is the caller's to check.
    /// </summary>
    public static StaffPost New(int number, AccessRole role, UnitId? unitId, CommunityId? communityId, GridId? gridId, CourtyardId? courtyardId = null)
    {
        if (!role.IsStaff()) throw new DomainValidationException("NotAStaffRole", $"{role} is not a staff member's role.", "role");
        if (role is AccessRole.DepartmentLiaison or AccessRole.PropertyStaff or AccessRole.BuildingHead && unitId is null)
            throw new DomainValidationException("PostNeedsUnit", $"A {role} works for a unit.", "unitId");
        if (role is AccessRole.CommunityStaff && communityId is null)
            throw new DomainValidationException("PostNeedsCommunity", "Community staff belong to a community.", "communityId");
        if (role is AccessRole.GridWorker && gridId is null)
            throw new DomainValidationException("PostNeedsGrid", "A grid worker has a grid.", "gridId");
        if (role is AccessRole.BuildingHead && courtyardId is null)
            throw new DomainValidationException("PostNeedsCourtyard", "A building head looks after a courtyard.", "courtyardId");
        if (role is not AccessRole.BuildingHead && courtyardId is not null)
            throw new DomainValidationException("PostTakesNoCourtyard", "Only a building head's post names a courtyard.", "courtyardId");
        return new StaffPost { Number = number, Role = role, UnitId = unitId, CommunityId = communityId, GridId = gridId, CourtyardId = courtyardId };
    }

    /// <summary>Whether this post is the same job as <paramref name="other"/>: the same role over the same unit, community, grid and courtyard.</summary>
    public bool SameJobAs(StaffPost other) =>
        (Role, UnitId, CommunityId, GridId, CourtyardId) == (other.Role, other.UnitId, other.CommunityId, other.GridId, other.CourtyardId);

    /// <summary>
    /// Whether <paramref name="unit"/> (as it stands today) can hold this post: a building head works for a courtyard-level
    /// unit — an owners' committee or a courtyard group — that looks after their courtyard, so the cases it is sent there reach them.
    /// </summary>
    public void CheckUnit(HandlingUnit unit)
    {
        if (Role != AccessRole.BuildingHead) return;
        if (unit.Level != HandlingLevel.Courtyard)
            throw new DomainValidationException("PostNeedsCourtyardUnit", "A building head works for a courtyard-level unit.", "unitId");
        if (CourtyardId is not { } courtyard || !unit.ServedCourtyardIds.Contains(courtyard))
            throw new DomainValidationException("UnitDoesNotServeCourtyard", "The unit does not look after this courtyard.", "courtyardId");
    }

    internal void End(DateTime nowUtc) => EndedAtUtc = nowUtc;

    /// <summary>Makes this post <paramref name="job"/>'s job, keeping its number: an administrator's correction of a person's first post.</summary>
    internal void Retitle(StaffPost job) =>
        (Role, UnitId, CommunityId, GridId, CourtyardId) = (job.Role, job.UnitId, job.CommunityId, job.GridId, job.CourtyardId);
}
