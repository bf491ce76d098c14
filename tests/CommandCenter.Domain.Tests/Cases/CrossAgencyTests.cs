using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class CrossAgencyTests
{
    private readonly CaseBuilder _builder = CaseBuilder.In(CaseState.InProgress).CrossAgency();

    [Fact]
    public void Dispatch_WithCoHandlers_OpensRequiredLeadAndCoHandlerParts()
    {
        var c = CaseBuilder.In(CaseState.Dispatched).CrossAgency().Build();

        Assert.True(c.IsCrossAgency);
        Assert.Equal(
            [(Org.Housing.Id, PartRole.Lead), (Org.UrbanManagement.Id, PartRole.CoHandler), (Org.Ecology.Id, PartRole.CoHandler)],
            c.Parts.Select(p => (p.UnitId, p.Role)));
        Assert.All(c.Parts, p => Assert.True(p.IsRequired && !p.IsClosed));
    }

    [Fact]
    public void ReportDone_WhileACoHandlerPartIsOpen_RefusedWithRequiredPartsOpen()
    {
        var c = _builder.Build();
        ClosePart(c, Org.UrbanManagement.Id);

        var refusal = Expect.Refused(c, "RequiredPartsOpen", () => Commands.Invoke(c, CaseCommand.ReportDone, _builder.Now));

        Assert.Contains(Org.Ecology.Id.ToString(), refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ClosePart_CoHandler_ClosesItsPartAndStays()
    {
        var c = _builder.Build();

        ClosePart(c, Org.Ecology.Id);

        var part = c.Parts.Single(p => p.UnitId == Org.Ecology.Id);
        Assert.Equal(("Drain cleared", _builder.Now, Org.LiaisonOf(Org.Ecology.Id).Name), (part.Result, part.ClosedAtUtc, part.ClosedBy));
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal((CaseEventType.PartClosed, Org.Ecology.Id), (c.Timeline[^1].Type, c.Timeline[^1].UnitId));
    }

    [Fact]
    public void ReportDone_AllCoHandlerPartsClosed_ClosesLeadPart()
    {
        var c = _builder.Build();
        ClosePart(c, Org.UrbanManagement.Id);
        ClosePart(c, Org.Ecology.Id);

        c.ReportDone("Wall propped up", null, Org.Dispatcher, _builder.Now, Org.Rules);

        Assert.Equal(CaseState.PendingVerification, c.State);
        var lead = c.Parts.Single(p => p.Role == PartRole.Lead);
        Assert.True(lead.IsClosed);
        Assert.Equal("Wall propped up", lead.Result);
    }

    [Fact]
    public void ClosePart_LeadOrUninvolvedUnit_ThrowsForUnit()
    {
        var c = _builder.Build();

        Assert.All([Org.Housing.Id, Org.Property.Id], unitId => Expect.Invalid(c, "NoSuchPart", "unitId", () => ClosePart(c, unitId)));
    }

    [Fact]
    public void ClosePart_AlreadyClosedPart_ThrowsForUnit()
    {
        var c = _builder.Build();
        ClosePart(c, Org.UrbanManagement.Id);

        Expect.Invalid(c, "PartAlreadyClosed", "unitId", () => ClosePart(c, Org.UrbanManagement.Id));
    }

    [Fact]
    public void ClosePart_EveryPartClosed_RefusedWithNoOpenPart()
    {
        var c = _builder.Build();
        ClosePart(c, Org.UrbanManagement.Id);
        ClosePart(c, Org.Ecology.Id);

        Expect.Refused(c, "NoOpenPart", () => ClosePart(c, Org.Ecology.Id));
    }

    [Fact]
    public void ClosePart_ByAnotherCoHandler_RefusedWithOtherUnitsPart()
    {
        var c = _builder.Build();

        Expect.Refused(c, "OtherUnitsPart", () => c.ClosePart(Org.Ecology.Id, "Drain cleared", Org.LiaisonOf(Org.UrbanManagement.Id), _builder.Now));

        Assert.False(c.Parts.Single(p => p.UnitId == Org.Ecology.Id).IsClosed);
    }

    [Fact]
    public void ClosePart_ByTheLead_RefusedWithOtherUnitsPart()
    {
        var c = _builder.Build();

        Expect.Refused(c, "OtherUnitsPart", () => c.ClosePart(Org.Ecology.Id, "Drain cleared", Org.LiaisonOf(Org.Housing.Id), _builder.Now));

        Assert.All(c.Parts, p => Assert.False(p.IsClosed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void ClosePart_ByTheDeskWithoutReason_ThrowsForReason(string? reason)
    {
        var c = _builder.Build();

        Expect.Invalid(c, "Required", "reason", () => c.ClosePart(Org.Ecology.Id, "Drain cleared", Org.Dispatcher, _builder.Now, reason));

        Assert.False(c.Parts.Single(p => p.UnitId == Org.Ecology.Id).IsClosed);
    }

    [Fact]
    public void ClosePart_ByTheDeskWithReason_ClosesThePartAndRecordsTheReason()
    {
        var c = _builder.Build();

        c.ClosePart(Org.Ecology.Id, "Drain cleared", Org.Dispatcher, _builder.Now, "Bureau confirmed by phone");

        var part = c.Parts.Single(p => p.UnitId == Org.Ecology.Id);
        Assert.Equal(("Drain cleared", Org.Dispatcher.Name), (part.Result, part.ClosedBy));
        var recorded = c.Timeline[^1];
        Assert.Equal((CaseEventType.PartClosed, Org.Ecology.Id, "Bureau confirmed by phone", "PartClosure.OnBehalf", Org.Dispatcher.Name),
            (recorded.Type, recorded.UnitId, recorded.Note, recorded.Detail, recorded.ActorName));
    }

    private void ClosePart(Case c, UnitId unitId) =>
        c.ClosePart(unitId, "Drain cleared", Org.LiaisonOf(unitId), _builder.Now);
}
