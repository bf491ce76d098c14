using System.Globalization;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;

namespace CommandCenter.Infrastructure.Access;

/// <summary>The audit page's filters: actor, person and the post they acted as, unit, case, source and time, newest first.</summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 200;

    public string? Actor { get; init; }
    public StaffId? StaffId { get; init; }
    /// <summary>
    /// Which of <see cref="StaffId"/>'s posts the act was done as (<see cref="StaffPost.Number"/>, docs/decisions/0016): the
    /// numbers count one person's posts, so a post is asked for only with its person.
    /// </summary>
    public int? PostNumber { get; init; }
    public UnitId? UnitId { get; init; }
    public Guid? CaseId { get; init; }
    public ActSource? Source { get; init; }
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;

    /// <summary>Refuses a post asked for without its person, or one the person never held (ended posts count: their acts keep their name).</summary>
    public void CheckPost(OrganisationDirectory directory)
    {
        if (PostNumber is not { } number) return;
        if (StaffId is not { } staffId)
            throw new DomainValidationException("AuditPostNeedsPerson", "A post number names one person's post: give the person (staffId) too.", "postNumber");
        var staff = directory.StaffMember(staffId) ?? throw new UnknownReferenceException("staffId", staffId.ToString());
        if (staff.PostNumbered(number) is null) throw new UnknownReferenceException("postNumber", number.ToString(CultureInfo.InvariantCulture));
    }
}
