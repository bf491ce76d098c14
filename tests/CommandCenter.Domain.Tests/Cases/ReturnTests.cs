using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class ReturnTests
{
    private readonly CaseBuilder _builder = CaseBuilder.In(CaseState.Dispatched);

    [Theory]
    [InlineData(ReturnReason.JurisdictionMismatch)]
    [InlineData(ReturnReason.OwnershipUnclear)]
    [InlineData(ReturnReason.FunctionOverlap)]
    public void Return_WithReasonCode_GoesBackToPendingDispatchWithoutUnit(ReturnReason reason)
    {
        var c = _builder.Build();

        c.Return(reason, null, Org.Dispatcher, _builder.Now, Org.Rules);

        Assert.Equal(CaseState.PendingDispatch, c.State);
        Assert.Equal(1, c.ReturnCount);
        Assert.Null(c.CurrentUnitId);
        Assert.Null(c.Clock.SignDeadlineUtc);
        var returned = c.Timeline[^1];
        Assert.Equal(CaseEventType.Returned, returned.Type);
        Assert.Equal($"ReturnReason.{reason}", returned.Detail);
        Assert.Equal(Org.Property.Id, returned.UnitId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Return_OtherWithoutNote_ThrowsForNote(string? note)
    {
        var c = _builder.Build();

        Expect.Invalid(c, "Required", "note", () => c.Return(ReturnReason.Other, note, Org.Dispatcher, _builder.Now, Org.Rules));
    }

    [Fact]
    public void Return_OtherWithNote_RecordsReasonAndNote()
    {
        var c = _builder.Build();

        c.Return(ReturnReason.Other, "The wall belongs to the school", Org.Dispatcher, _builder.Now, Org.Rules);

        Assert.Equal(("ReturnReason.Other", "The wall belongs to the school"), (c.Timeline[^1].Detail, c.Timeline[^1].Note));
    }

    [Fact]
    public void Return_UndefinedReason_ThrowsForReason()
    {
        var c = _builder.Build();

        Expect.Invalid(c, "UnknownValue", "reason", () => c.Return((ReturnReason)99, null, Org.Dispatcher, _builder.Now, Org.Rules));
    }

    [Fact]
    public void Return_Twice_CountsBothReturns()
    {
        var c = CaseBuilder.In(CaseState.PendingDispatch).Returned(2).Build();

        Assert.Equal(2, c.ReturnCount);
        Assert.Equal(2, c.Timeline.Count(e => e.Type == CaseEventType.Returned));
    }
}
