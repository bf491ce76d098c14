using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class MergeTests
{
    public static TheoryData<CaseState> FinalStates => new(CaseStates.Final);

    private readonly Case _duplicate = CaseBuilder.Report();

    [Fact]
    public void MergeInto_OpenCase_MergesAndTargetRecordsDuplicate()
    {
        var target = CaseBuilder.In(CaseState.InProgress).Build();
        var now = Clock.Start.AddHours(1);

        _duplicate.MergeInto(target, Org.Dispatcher, now);

        Assert.Equal((CaseState.Merged, target.Id, now), (_duplicate.State, _duplicate.MergedIntoCaseId, _duplicate.ClosedAtUtc));
        Assert.Equal((CaseEventType.MergedInto, target.Number), (_duplicate.Timeline[^1].Type, _duplicate.Timeline[^1].Note));
        var recorded = target.Timeline[^1];
        Assert.Equal((CaseEventType.DuplicateMerged, _duplicate.Number), (recorded.Type, recorded.Note));
        Assert.Equal((CaseState.InProgress, CaseState.InProgress), (recorded.FromState, recorded.ToState));
        Assert.Equal(CaseState.InProgress, target.State);
    }

    [Fact]
    public void MergeInto_Self_ThrowsForTarget()
    {
        Expect.Invalid(_duplicate, "MergeIntoSelf", "targetCaseId", () => _duplicate.MergeInto(_duplicate, Org.Dispatcher, Clock.Start));
    }

    [Theory]
    [MemberData(nameof(FinalStates))]
    public void MergeInto_FinalCase_ThrowsForTarget(CaseState state)
    {
        var target = CaseBuilder.In(state).Build();
        var targetEvents = target.EventCount;

        Expect.Invalid(_duplicate, "MergeTargetFinal", "targetCaseId", () => _duplicate.MergeInto(target, Org.Dispatcher, Clock.Start));

        Assert.Equal(targetEvents, target.EventCount);
    }
}
