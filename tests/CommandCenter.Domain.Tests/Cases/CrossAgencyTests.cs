using CommandCenter.Domain.Cases;
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
        Assert.Equal(("Drain cleared", _builder.Now, Org.Dispatcher.Name), (part.Result, part.ClosedAtUtc, part.ClosedBy));
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal((CaseEventType.PartClosed, Org.Ecology.Id), (c.Timeline[^1].Type, c.Timeline[^1].UnitId));
    }

    [Fact]
    public void ReportDone_AllCoHandlerPartsClosed_ClosesLeadPart()
    {
        var c = _builder.Build();
        ClosePart(c, Org.UrbanManagement.Id);
        ClosePart(c, Org.Ecology.Id);

        c.ReportDone("Wall propped up", null, Org.Dispatcher, _builder.Now);

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

    private void ClosePart(Case c, int unitId) => c.ClosePart(unitId, "Drain cleared", Org.Dispatcher, _builder.Now);
}
