using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class PostponementTests
{
    private const string Reason = "The skip lorry is booked for Friday";

    [Fact]
    public void RequestPostponement_BeforeDeadline_WaitsForDecision()
    {
        var builder = CaseBuilder.In(CaseState.InProgress);
        var c = builder.Build();
        var deadline = c.Clock.HandlingDeadlineUtc!.Value;

        c.RequestPostponement(Reason, deadline.AddDays(2), Org.Dispatcher, builder.Now);

        Assert.Equal(new PendingRequest(RequestKind.Postponement, Reason, deadline.AddDays(2), builder.Now, Org.Dispatcher.Name), c.PendingRequest);
        Assert.Equal(deadline, c.Clock.HandlingDeadlineUtc);
        Assert.Equal(CaseEventType.PostponementRequested, c.Timeline[^1].Type);
    }

    [Fact]
    public void RequestPostponement_AtDeadline_RefusedWithDeadlinePassed()
    {
        var c = CaseBuilder.In(CaseState.InProgress).Build();
        var deadline = c.Clock.HandlingDeadlineUtc!.Value;

        Expect.Refused(c, "DeadlinePassed", () => c.RequestPostponement(Reason, deadline.AddDays(2), Org.Dispatcher, deadline));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RequestPostponement_NotLaterThanDeadline_ThrowsForNewDeadline(int hours)
    {
        var builder = CaseBuilder.In(CaseState.InProgress);
        var c = builder.Build();
        var newDeadline = c.Clock.HandlingDeadlineUtc!.Value.AddHours(hours);

        Expect.Invalid(c, "PostponementNotLater", "newDeadlineUtc", () => c.RequestPostponement(Reason, newDeadline, Org.Dispatcher, builder.Now));
    }

    [Fact]
    public void RequestPostponement_AtTheHorizon_WaitsForDecision()
    {
        var builder = CaseBuilder.In(CaseState.InProgress);
        var c = builder.Build();

        c.RequestPostponement(Reason, builder.Now + Case.PostponementHorizon, Org.Dispatcher, builder.Now);

        Assert.Equal(builder.Now + Case.PostponementHorizon, c.PendingRequest!.RequestedDeadlineUtc);
    }

    /// <summary>Beyond the horizon is a deferral's business; year 9999 once broke every page of its case.</summary>
    [Theory]
    [InlineData("a second past the horizon")]
    [InlineData("year 9999")]
    [InlineData("DateTime.MaxValue")]
    public void RequestPostponement_BeyondTheHorizon_ThrowsForNewDeadline(string when)
    {
        var builder = CaseBuilder.In(CaseState.InProgress);
        var c = builder.Build();
        var newDeadline = when switch
        {
            "year 9999" => new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc),
            "DateTime.MaxValue" => DateTime.MaxValue,
            _ => builder.Now + Case.PostponementHorizon + TimeSpan.FromSeconds(1),
        };

        Expect.Invalid(c, "PostponementOutOfRange", "newDeadlineUtc", () => c.RequestPostponement(Reason, newDeadline, Org.Dispatcher, builder.Now));
    }

    [Fact]
    public void RequestPostponement_WhileAnotherRequestWaits_RefusedWithRequestAlreadyPending()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).WithPendingRequest(RequestKind.Escalation);
        var c = builder.Build();

        Expect.Refused(c, "RequestAlreadyPending", () => Commands.Invoke(c, CaseCommand.RequestPostponement, builder.Now));
    }

    [Fact]
    public void ApproveRequest_Postponement_MovesDeadlineAndWarningAndSaysSo()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).WithPendingRequest(RequestKind.Postponement);
        var c = builder.Build();
        var warningLead = c.Clock.HandlingDeadlineUtc - c.Clock.WarningAtUtc;
        var requested = c.PendingRequest!.RequestedDeadlineUtc!.Value;

        c.ApproveRequest("Agreed with the lorry company", Org.Dispatcher, builder.Now, Org.Rules);

        Assert.Equal(requested, c.Clock.HandlingDeadlineUtc);
        Assert.Equal(requested - warningLead, c.Clock.WarningAtUtc);
        Assert.Null(c.PendingRequest);
        var approved = c.Timeline[^1];
        Assert.Equal(CaseEventType.RequestApproved, approved.Type);
        Assert.Equal(("RequestKind.Postponement", requested, "Agreed with the lorry company"), (approved.Detail, approved.DetailAtUtc, approved.Note));
    }

    [Fact]
    public void RefuseRequest_Postponement_ClearsRequestAndKeepsDeadline()
    {
        var builder = CaseBuilder.In(CaseState.InProgress).WithPendingRequest(RequestKind.Postponement);
        var c = builder.Build();
        var deadline = c.Clock.HandlingDeadlineUtc;

        c.RefuseRequest("Finish it within the limit", Org.Dispatcher, builder.Now);

        Assert.Null(c.PendingRequest);
        Assert.Equal(deadline, c.Clock.HandlingDeadlineUtc);
        Assert.Equal(CaseEventType.RequestRefused, c.Timeline[^1].Type);
        Assert.Equal(("RequestKind.Postponement", "Finish it within the limit"), (c.Timeline[^1].Detail, c.Timeline[^1].Note));
    }
}
