using CommandCenter.Domain.Assessment;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Assessment;

/// <summary>
/// One unit's count of one indicator over one China day, as the unit table's grouped query counted it for that day
/// (docs/decisions/0014): a period's figure is the sum of its days. Only days with a count are stored.
/// </summary>
public sealed class UnitDayCount
{
    public DateOnly Day { get; init; }
    public UnitId UnitId { get; init; }
    public Indicator Indicator { get; init; }
    public int Count { get; init; }
}

/// <summary>One unit's rounds signed and reported done on one China day, with their working time in ticks (summed by the database): the additive halves of the averages.</summary>
public sealed class UnitDayTime
{
    public DateOnly Day { get; init; }
    public UnitId UnitId { get; init; }
    public int SignedRounds { get; init; }
    public long SignForTicks { get; init; }
    public int HandledRounds { get; init; }
    public long HandlingTicks { get; init; }
}

/// <summary>
/// <see cref="UnitDayCount"/> on the cases of one community: what a street's or a community's posts add up (their
/// communities' rows), where the district's posts read the unit's rows of every community at once.
/// </summary>
public sealed class UnitCommunityDayCount
{
    public CommunityId CommunityId { get; init; }
    public DateOnly Day { get; init; }
    public UnitId UnitId { get; init; }
    public Indicator Indicator { get; init; }
    public int Count { get; init; }
}

/// <summary><see cref="UnitDayTime"/> on the cases of one community.</summary>
public sealed class UnitCommunityDayTime
{
    public CommunityId CommunityId { get; init; }
    public DateOnly Day { get; init; }
    public UnitId UnitId { get; init; }
    public int SignedRounds { get; init; }
    public long SignForTicks { get; init; }
    public int HandledRounds { get; init; }
    public long HandlingTicks { get; init; }
}

/// <summary>
/// One community's count of one indicator over one China day, as the area's grouped query counted it for that day: the
/// street's figure is the sum of its communities' (every case lies in exactly one).
/// </summary>
public sealed class CommunityDayCount
{
    public DateOnly Day { get; init; }
    public CommunityId CommunityId { get; init; }
    public Indicator Indicator { get; init; }
    public int Count { get; init; }
}

/// <summary>The area's rounds signed and reported done on one China day in one community, with their working time in ticks.</summary>
public sealed class CommunityDayTime
{
    public DateOnly Day { get; init; }
    public CommunityId CommunityId { get; init; }
    public int SignedRounds { get; init; }
    public long SignForTicks { get; init; }
    public int HandledRounds { get; init; }
    public long HandlingTicks { get; init; }
}

/// <summary>
/// One staff member's count of one act over one China day, street-wide, as the person query counted it for that day: acts
/// fall on the day they were done, so a period's figure is the sum of its days.
/// </summary>
public sealed class PersonDayCount
{
    public DateOnly Day { get; init; }
    public StaffId StaffId { get; init; }
    public PersonAct Act { get; init; }
    public int Count { get; init; }
}

/// <summary>One staff member's dispatches of one China day whose wait at the desk is known, with that wait's working time in ticks.</summary>
public sealed class PersonDayTime
{
    public DateOnly Day { get; init; }
    public StaffId StaffId { get; init; }
    public int TimedDispatches { get; init; }
    public long DispatchTicks { get; init; }
}

/// <summary>A China day whose unit, community and person figures are stored (<see cref="UnitDayCount"/>, <see cref="UnitCommunityDayCount"/>, <see cref="CommunityDayCount"/>, <see cref="PersonDayCount"/> and their times), and when they were computed.</summary>
public sealed class ComputedAssessmentDay
{
    public DateOnly Day { get; init; }
    public DateTime ComputedAtUtc { get; init; }
}

/// <summary>
/// A save changed what a stored day counts: a past day (<see cref="Day"/>), every day of one case's rounds (<see cref="CaseId"/>:
/// a 不满意 changes whether its rounds were resolved), or, with neither, every day (the working calendar changed the times).
/// Written in the save's own transaction; the worker recomputes and deletes the marks it saw, by id, so a mark written
/// while it computed stays for the next round.
/// </summary>
public sealed class AssessmentDirtyMark
{
    public long Id { get; init; }
    public DateOnly? Day { get; init; }
    public Guid? CaseId { get; init; }
}
