using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>
/// A case's time status: by hand for the stages that have a clock, and the query's expression
/// agreeing with the function for every state and moment around each deadline.
/// </summary>
public class CaseTimeStatusTests
{
    [Fact]
    public void Dispatched_BeforeAndAtTheSignForDeadline()
    {
        var builder = CaseBuilder.In(CaseState.Dispatched);
        var c = builder.Build();
        var sign = c.Clock.SignDeadlineUtc!.Value;

        Assert.Equal(TimeStatus.OnTime, CaseTimeStatus.Of(c, sign.AddSeconds(-1)));
        Assert.Equal(TimeStatus.Overdue, CaseTimeStatus.Of(c, sign));
    }

    [Fact]
    public void InProgress_OnTimeThenWarningThenOverdue()
    {
        var c = CaseBuilder.In(CaseState.InProgress).Build();
        var (warning, deadline) = (c.Clock.WarningAtUtc!.Value, c.Clock.HandlingDeadlineUtc!.Value);

        Assert.Equal(
            [TimeStatus.OnTime, TimeStatus.Warning, TimeStatus.Warning, TimeStatus.Overdue],
            new[] { warning.AddSeconds(-1), warning, deadline.AddSeconds(-1), deadline }.Select(now => CaseTimeStatus.Of(c, now)));
    }

    [Theory]
    [InlineData(CaseState.Reported)]
    [InlineData(CaseState.PendingDispatch)]
    [InlineData(CaseState.PendingVerification)]
    [InlineData(CaseState.Closed)]
    public void StatesWithoutAClock_HaveNone(CaseState state)
    {
        var builder = CaseBuilder.In(state);
        var c = builder.Build();

        Assert.Equal(TimeStatus.NoClock, CaseTimeStatus.Of(c, builder.Now.AddDays(30)));
    }

    [Fact]
    public void Deferred_HasNoClock()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).Deferred();
        var c = builder.Build();

        Assert.Equal(TimeStatus.NoClock, CaseTimeStatus.Of(c, builder.Now.AddDays(400)));
    }

    public static TheoryData<CaseState, bool> Cases() => new()
    {
        { CaseState.Reported, false }, { CaseState.PendingDispatch, false }, { CaseState.Dispatched, false },
        { CaseState.InProgress, false }, { CaseState.InProgress, true }, { CaseState.PendingVerification, false },
        { CaseState.PendingEvaluation, false }, { CaseState.Closed, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheQuerysExpression_AgreesWithTheFunction_AroundEveryDeadline(CaseState state, bool deferred)
    {
        var builder = deferred ? CaseBuilder.In(state).Deferred() : CaseBuilder.In(state);
        var c = builder.Build();
        var moments = new[] { c.Clock.SignDeadlineUtc, c.Clock.WarningAtUtc, c.Clock.HandlingDeadlineUtc, builder.Now }
            .OfType<DateTime>()
            .SelectMany(t => new[] { t.AddSeconds(-1), t, t.AddSeconds(1) });

        foreach (var now in moments)
        foreach (var status in Enum.GetValues<TimeStatus>())
            Assert.True(CaseTimeStatus.Is(status, now).Compile()(c) == (CaseTimeStatus.Of(c, now) == status), $"{status} at {now:O} in {state}");
    }
}
