using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class SupervisionTests
{
    public static TheoryData<CaseState> OpenStates => new(CaseStates.Open);

    [Theory]
    [MemberData(nameof(OpenStates))]
    public void Supervise_OpenState_FlagsAndCountsWithoutMoving(CaseState state)
    {
        var builder = CaseBuilder.In(state);
        var c = builder.Build();

        c.Supervise("Residents called twice", Org.Dispatcher, builder.Now);
        c.Supervise(null, Org.Dispatcher, builder.Now);

        Assert.True(c.IsSupervised);
        Assert.Equal(2, c.SupervisionCount);
        Assert.Equal(state, c.State);
        var supervised = c.Timeline[^1];
        Assert.Equal(CaseEventType.Supervised, supervised.Type);
        Assert.Equal(c.CurrentUnitId, supervised.UnitId);
    }
}
