using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>
/// Cross-agency below district level (seed 001: the street leads, other units co-handle), and each
/// co-handler's part with a life of its own. Built-in calendar limits (Org.Rules), normal urgency, street
/// level: 30 minutes to sign, 72 hours to handle, warning at 75 %.
/// </summary>
public class CoHandlingTests
{
    private static readonly Actor Timer = Actor.System(ActSource.Timer);
    private static readonly UnitId Safety = Org.SafetyOffice.Id;
    private static readonly UnitId Ecology = Org.Ecology.Id;

    [Fact]
    public void Dispatch_StreetLedWithAStreetOfficeAndADepartment_EachCoHandlerPartHasItsOwnDeadlines()
    {
        var builder = CaseBuilder.In(CaseState.Dispatched).StreetLed();
        var c = builder.Build();

        Assert.Equal(
            [(Org.StreetOffice.Id, PartRole.Lead), (Safety, PartRole.CoHandler), (Ecology, PartRole.CoHandler)],
            c.Parts.Select(p => (p.UnitId, p.Role)));
        Assert.All(c.Parts.Where(p => p.Role == PartRole.CoHandler), p =>
            Assert.Equal((builder.Now, builder.Now.AddMinutes(30), (DateTime?)null, false),
                (p.Clock.DispatchedAtUtc!.Value, p.Clock.SignDeadlineUtc!.Value, p.Clock.HandlingDeadlineUtc, p.IsSigned)));
        Assert.Equal(builder.Now.AddMinutes(30), c.NextTimerAtUtc);
    }

    [Fact]
    public void Dispatch_CommunityUnitAsCoHandler_ThrowsInvalidCoHandlers()
    {
        var builder = CaseBuilder.In(CaseState.PendingDispatch).AtLevel(HandlingLevel.Street);
        var c = builder.Build();

        Expect.Invalid(c, "InvalidCoHandlers", "coHandlerUnitIds", () => Commands.Dispatch(c, builder.Now, Org.Committee));
    }

    [Fact]
    public void SignPart_ProgressWithPhoto_Close_EachRecordedForThePartsUnit_AndAnOnTimeRecordKept()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).StreetLed();
        var c = builder.Build();
        var t = builder.Now;
        var photo = Attachment.OfPhoto(Guid.NewGuid(), "image/jpeg", 1);

        c.SignPart(Safety, Org.LiaisonOf(Safety), t, Org.Rules);
        c.AddPartProgress(Safety, "Railings ordered", [photo], Org.LiaisonOf(Safety), t.AddHours(1));
        c.ClosePart(Safety, "Railings fixed", Org.LiaisonOf(Safety), t.AddHours(2));

        var part = c.Parts.Single(p => p.UnitId == Safety);
        Assert.Equal((t, t.AddHours(72), true), (part.Clock.SignedAtUtc!.Value, part.Clock.HandlingDeadlineUtc!.Value, part.IsClosed));
        Assert.Equal(
            [(CaseEventType.PartSigned, Safety), (CaseEventType.PartProgressNoted, Safety), (CaseEventType.PartClosed, Safety)],
            c.Timeline.TakeLast(3).Select(e => (e.Type, e.UnitId!.Value)));
        Assert.Equal([photo], c.Timeline[^2].Attachments);
        var record = c.HandlingRecords.Single();
        Assert.Equal((Safety, PartRole.CoHandler, HandlingLevel.Street, HandlingOutcome.Done, false, false),
            (record.UnitId, record.Role, record.Level, record.Outcome, record.SignedLate, record.HandledLate));
    }

    [Fact]
    public void SignPart_Twice_ThrowsPartAlreadySigned_AndProgressBeforeSigning_ThrowsPartNotSigned()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).StreetLed();
        var c = builder.Build();
        c.SignPart(Safety, Org.LiaisonOf(Safety), builder.Now, Org.Rules);

        Expect.Invalid(c, "PartAlreadySigned", "unitId", () => c.SignPart(Safety, Org.LiaisonOf(Safety), builder.Now, Org.Rules));
        Expect.Invalid(c, "PartNotSigned", "unitId", () => c.AddPartProgress(Ecology, "On our way", null, Org.LiaisonOf(Ecology), builder.Now));
    }

    [Fact]
    public void ReturnPart_ReleasesThePart_KeepsAReturnedRecord_AndTheLeadMayAssignAnotherUnit()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).StreetLed();
        var c = builder.Build();
        var t = builder.Now;
        c.ClosePart(Safety, "Railings fixed", Org.LiaisonOf(Safety), t);

        c.ReturnPart(Ecology, "The river bank is the water bureau's", Org.LiaisonOf(Ecology), t.AddMinutes(10));

        var returned = c.Parts.Single(p => p.UnitId == Ecology);
        Assert.Equal((true, false, "The river bank is the water bureau's"), (returned.IsReturned, returned.IsOpen, returned.ReturnReason));
        Assert.Equal((CaseEventType.PartReturned, Ecology), (c.Timeline[^1].Type, c.Timeline[^1].UnitId!.Value));
        Assert.Equal((Ecology, HandlingOutcome.Returned, PartRole.CoHandler), (c.HandlingRecords[^1].UnitId, c.HandlingRecords[^1].Outcome, c.HandlingRecords[^1].Role));
        Assert.Null(c.WhyNot(CaseCommand.ReportDone, t));

        c.AssignPart(Org.UrbanManagement, Org.Rules, Org.LiaisonOf(Org.StreetOffice.Id), t.AddMinutes(20));

        var assigned = c.Parts.Single(p => p.UnitId == Org.UrbanManagement.Id);
        Assert.Equal((true, t.AddMinutes(50)), (assigned.IsOpen, assigned.Clock.SignDeadlineUtc!.Value));
        Assert.Equal(CaseEventType.PartAssigned, c.Timeline[^1].Type);
        Expect.Invalid(c, "PartReturned", "unitId", () => c.SignPart(Ecology, Org.LiaisonOf(Ecology), t, Org.Rules));
        Expect.Refused(c, "RequiredPartsOpen", () => c.ReportDone("Done", null, Org.Dispatcher, t.AddMinutes(30), Org.Rules));
    }

    [Fact]
    public void ReturnPart_WithoutReason_ThrowsForReason()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).StreetLed();
        var c = builder.Build();

        Expect.Invalid(c, "Required", "reason", () => c.ReturnPart(Ecology, " ", Org.LiaisonOf(Ecology), builder.Now));
    }

    [Fact]
    public void PartSignedLateAndHandledLate_GivesALateRecordForThatUnit_WhileTheLeadIsOnTime()
    {
        var t0 = Clock.Start;
        var c = StreetLedAt(t0);
        var lead = Org.LiaisonOf(Org.StreetOffice.Id);
        c.Sign(lead, t0.AddMinutes(10), Org.Rules);
        // The lead waits for its co-handlers, and asks for the time to do so.
        c.RequestPostponement("Waiting for the safety office", t0.AddDays(5), lead, t0.AddHours(1));
        c.ApproveRequest(null, Org.Dispatcher, t0.AddHours(2), Org.Rules);
        c.SignPart(Ecology, Org.LiaisonOf(Ecology), t0.AddMinutes(5), Org.Rules);
        c.ClosePart(Ecology, "Water sampled", Org.LiaisonOf(Ecology), t0.AddHours(1));
        var safetySigned = t0.AddMinutes(45);
        c.SignPart(Safety, Org.LiaisonOf(Safety), safetySigned, Org.Rules);
        var safetyDone = safetySigned.AddHours(80);
        c.ClosePart(Safety, "Railings fixed", Org.LiaisonOf(Safety), safetyDone);
        c.ReportDone("Bank made safe", null, lead, safetyDone.AddMinutes(5), Org.Rules);

        var byUnit = c.HandlingRecords.ToDictionary(r => r.UnitId);
        Assert.Equal((PartRole.CoHandler, true, true), (byUnit[Safety].Role, byUnit[Safety].SignedLate, byUnit[Safety].HandledLate));
        Assert.Equal((PartRole.CoHandler, false, false), (byUnit[Ecology].Role, byUnit[Ecology].SignedLate, byUnit[Ecology].HandledLate));
        var leadRecord = byUnit[Org.StreetOffice.Id];
        Assert.Equal((PartRole.Lead, false, false), (leadRecord.Role, leadRecord.SignedLate, leadRecord.HandledLate));
    }

    [Fact]
    public void Rework_ReopensTheClosedRequiredParts_WithNewDeadlines_AndSaysSo()
    {
        var builder = CaseBuilder.In(CaseState.PendingVerification).StreetLed();
        var c = builder.Build();
        var failedAt = builder.Now.AddHours(1);

        c.Verify(false, "The railings wobble", Org.Dispatcher, failedAt, Org.Rules);

        var coHandlers = c.Parts.Where(p => p.Role == PartRole.CoHandler).ToList();
        Assert.All(c.Parts, p => Assert.True(p.IsOpen && p.Reopenings == 1));
        Assert.All(coHandlers, p => Assert.Equal(failedAt.AddHours(72), p.Clock.HandlingDeadlineUtc));
        Assert.Equal(
            [(CaseEventType.VerificationFailed, Org.StreetOffice.Id), (CaseEventType.PartReopened, Safety), (CaseEventType.PartReopened, Ecology)],
            c.Timeline.TakeLast(3).Select(e => (e.Type, e.UnitId!.Value)));
        Expect.Refused(c, "RequiredPartsOpen", () => c.ReportDone("Done again", null, Org.Dispatcher, failedAt, Org.Rules));
        Assert.Equal(failedAt.AddHours(54), c.NextTimerAtUtc);
    }

    [Fact]
    public void AnotherUnit_CannotActOnAPart_InTheDomainOrByRights()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).StreetLed();
        var c = builder.Build();
        var safetyLiaison = Org.LiaisonOf(Safety);

        Expect.Refused(c, "OtherUnitsPart", () => c.ReturnPart(Ecology, "Not ours", safetyLiaison, builder.Now));
        Assert.True(c.Parts.Single(p => p.UnitId == Ecology).IsOpen);
        foreach (var command in new[] { CaseCommand.SignPart, CaseCommand.AddPartProgress, CaseCommand.ReturnPart, CaseCommand.ClosePart })
            Assert.Equal(AccessRefusal.NotPartHolder, CommandRights.WhyNotOnPart(LiaisonPost(Safety), command, c, Ecology, DecisionRights.Defaults));
        Assert.Null(CommandRights.WhyNotOnPart(LiaisonPost(Ecology), CaseCommand.SignPart, c, Ecology, DecisionRights.Defaults));
    }

    [Fact]
    public void TheDesk_ReturnsOnBehalfAndAssigns_ButDoesNotSignAPart()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).StreetLed();
        var c = builder.Build();
        var desk = new Post { Role = AccessRole.Dispatcher, Name = "desk", Source = ActSource.Console };

        Assert.Null(CommandRights.WhyNotOnPart(desk, CaseCommand.ReturnPart, c, Ecology, DecisionRights.Defaults));
        Assert.Null(CommandRights.WhyNot(desk, CaseCommand.AssignPart, c, DecisionRights.Defaults));
        Assert.Equal(AccessRefusal.NotPartHolder, CommandRights.WhyNotOnPart(desk, CaseCommand.SignPart, c, Ecology, DecisionRights.Defaults));
        Assert.Equal(AccessRefusal.LeadOrDeskOnly, CommandRights.WhyNot(LiaisonPost(Safety), CaseCommand.AssignPart, c, DecisionRights.Defaults));
    }

    [Fact]
    public void PartTimers_SignForWarningAndHandling_EachFireOnce_ForTheirPart()
    {
        var t0 = Clock.Start;
        var c = StreetLedAt(t0);
        // The lead signs after the co-handler, so its own deadline falls after the part's and it does not rise first.
        c.SignPart(Safety, Org.LiaisonOf(Safety), t0.AddMinutes(2), Org.Rules);
        c.Sign(Org.LiaisonOf(Org.StreetOffice.Id), t0.AddMinutes(10), Org.Rules);

        Assert.Equal(1, c.FireDueTimers(t0.AddMinutes(31), Timer, Org.Rules));
        Assert.Equal((CaseEventType.PartSignOverdue, Ecology), (c.Timeline[^1].Type, c.Timeline[^1].UnitId!.Value));
        Assert.Equal(0, c.FireDueTimers(t0.AddMinutes(40), Timer, Org.Rules));

        var safetyDeadline = t0.AddMinutes(2).AddHours(72);
        var fired = c.Timeline.Count;
        c.ClosePart(Ecology, "Water sampled", Org.LiaisonOf(Ecology), t0.AddHours(1));
        c.FireDueTimers(safetyDeadline, Timer, Org.Rules);
        var partEvents = c.Timeline.Skip(fired).Where(e => e.UnitId == Safety).Select(e => e.Type);
        Assert.Equal([CaseEventType.PartWarned, CaseEventType.PartOverdue], partEvents);
        Assert.Equal(0, c.Timeline.Skip(fired).Count(e => e.Type == CaseEventType.PartOverdue && e.UnitId != Safety));
        Assert.NotNull(c.Parts.Single(p => p.UnitId == Safety).Clock.HandlingLateAtUtc);
        var afterwards = c.Timeline.Count;
        c.FireDueTimers(safetyDeadline.AddHours(1), Timer, Org.Rules);
        Assert.DoesNotContain(c.Timeline.Skip(afterwards), e => e.UnitId == Safety);
    }

    private static Post LiaisonPost(UnitId unitId) => new() { Role = AccessRole.DepartmentLiaison, Name = $"Liaison {unitId}", Source = ActSource.Console, UnitId = unitId };

    private static Case StreetLedAt(DateTime nowUtc)
    {
        var c = CaseBuilder.Report(nowUtc: nowUtc);
        c.Accept(Org.Dispatcher, nowUtc, Org.Rules, HandlingLevel.Street);
        c.Dispatch(Org.StreetOffice, [Org.SafetyOffice, Org.Ecology], Org.Rules, Org.Dispatcher, nowUtc);
        return c;
    }
}
