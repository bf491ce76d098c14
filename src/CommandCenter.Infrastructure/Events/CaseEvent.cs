using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.Events;

/// <summary>
/// One committed timeline event with what screens need of its case after it: the message
/// every live screen, the dashboard projection and the public hub receive. No personal data.
/// <paramref name="Times"/> are the deadlines of every stage's clock after the event, so the wall knows each
/// case's current clock (<see cref="CaseTimeStatus"/>) from the events alone; <paramref name="DeferredAtUtc"/>
/// says since when it is 挂账.
/// <see cref="PartUnitIds"/>: the units holding an open part of a cross-agency ticket, whose screens follow it too.
/// </summary>
public sealed record CaseEvent(
    Guid CaseId,
    string Number,
    int Sequence,
    int Version,
    CaseEventType Type,
    CaseState? FromState,
    CaseState State,
    HandlingLevel Level,
    Urgency Urgency,
    string CategoryCode,
    Channel Channel,
    StreetId StreetId,
    CommunityId CommunityId,
    CourtyardId CourtyardId,
    UnitId? UnitId,
    ActSource Source,
    DateTime OccurredAtUtc,
    DateTime ReportedAtUtc,
    bool IsSupervised,
    DateTime? HandlingDeadlineUtc,
    DateTime? OverdueAtUtc,
    Rating? Rating,
    StageTimes Times,
    DateTime? DeferredAtUtc)
{
    public PartUnits PartUnitIds { get; init; } = new([]);

    public static CaseEvent Of(Case @case, TimelineEvent e) => new(
        @case.Id, @case.Number, e.Sequence, @case.Version, e.Type, e.FromState, e.ToState, e.Level, @case.Urgency,
        @case.CategoryCode, @case.Channel, @case.StreetId, @case.CommunityId, @case.CourtyardId, e.UnitId ?? @case.CurrentUnitId,
        e.Source, e.OccurredAtUtc, @case.ReportedAtUtc, @case.IsSupervised, @case.Clock.HandlingDeadlineUtc, @case.Clock.OverdueAtUtc, @case.Rating,
        StageTimes.Of(@case), @case.Clock.DeferredAtUtc)
    {
        PartUnitIds = new([.. @case.Parts.Where(p => p.IsOpen).Select(p => p.UnitId).Distinct()]),
    };

    /// <summary>Whether the event concerns <paramref name="unitId"/>: it holds the case, the event is about its part, or it holds an open part.</summary>
    public bool Concerns(UnitId unitId) => UnitId == unitId || PartUnitIds.Ids.Contains(unitId);
}

/// <summary>The units of a ticket's open parts; equal by its items, so an event read back from a stream equals the one published.</summary>
public sealed record PartUnits(UnitId[] Ids)
{
    public bool Equals(PartUnits? other) => other is not null && Ids.SequenceEqual(other.Ids);

    public override int GetHashCode() => Ids.Length;
}
