using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>Every state × every command against <see cref="CaseLifecycle"/>: a new enum member is covered without a line here.</summary>
public class LifecycleTableTests
{
    public static TheoryData<CaseState, CaseCommand> AllowedPairs => Pairs(allowed: true);
    public static TheoryData<CaseState, CaseCommand> ForbiddenPairs => Pairs(allowed: false);

    [Fact]
    public void LifecycleTable_EveryCommand_HasAnEntry()
    {
        Assert.All(Enum.GetValues<CaseCommand>(), command =>
        {
            Assert.True(CaseLifecycle.AllowedFrom.ContainsKey(command), $"{command} has no AllowedFrom entry");
            Assert.True(CaseLifecycle.LeadsTo.ContainsKey(command), $"{command} has no LeadsTo entry");
        });
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void Command_AllowedInState_AppendsOneEventAndMoves(CaseState state, CaseCommand command)
    {
        var (c, now) = Arrange(state, command);
        var before = (c.Version, c.EventCount, c.Timeline.Count);

        Assert.Null(c.WhyNot(command, now));
        Commands.Invoke(c, command, now);

        Assert.Equal((before.Version + 1, before.EventCount + 1, before.Count + 1), (c.Version, c.EventCount, c.Timeline.Count));
        var appended = c.Timeline[^1];
        Assert.Equal(c.EventCount, appended.Sequence);
        Assert.Equal(state, appended.FromState);
        Assert.Equal(c.State, appended.ToState);
        if (CaseLifecycle.LeadsTo[command] is { } leadsTo)
            Assert.Equal(leadsTo, c.State);
    }

    [Theory]
    [MemberData(nameof(ForbiddenPairs))]
    public void Command_ForbiddenInState_ThrowsNamingBothAndLeavesCaseUnchanged(CaseState state, CaseCommand command)
    {
        var (c, now) = Arrange(state, command);

        Assert.Equal("StateForbids", c.WhyNot(command, now)?.Code);
        var exception = Expect.Refused(c, "StateForbids", () => Commands.Invoke(c, command, now));

        Assert.Equal(command, exception.Command);
        Assert.Equal(state, exception.State);
        Assert.Contains(command.ToString(), exception.Message, StringComparison.Ordinal);
        Assert.Contains(state.ToString(), exception.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// After 核查 passes the case waits only for someone who can rate it: nobody (patrol, the desk's own, another
    /// system's) closes it at once; a resident rates on their tracking page; a hotline caller, who holds no tracking
    /// code, is rated by the desk's revisit call (回访) — each of which closes it (默认满意 ends the window otherwise).
    /// </summary>
    [Theory]
    [InlineData(Channel.GridPatrol, new CaseEventType[0])]
    [InlineData(Channel.Dispatcher, new CaseEventType[0])]
    [InlineData(Channel.ExternalSystem, new CaseEventType[0])]
    [InlineData(Channel.ResidentQr, new[] { CaseEventType.Rated, CaseEventType.RevisitRecorded })]
    [InlineData(Channel.Hotline, new[] { CaseEventType.RevisitRecorded })]
    public void VerificationPassed_WaitsOnlyForWhoCanRate_AndEachRatingCloses(Channel channel, CaseEventType[] closingRatings)
    {
        foreach (var (source, expected) in RatingRules.SourcesFor(channel).Zip(closingRatings))
        {
            var builder = CaseBuilder.In(CaseState.PendingVerification).WithChannel(channel);
            var c = builder.Build();
            c.Verify(true, null, Org.Dispatcher, builder.Now, Org.Rules);
            Assert.Equal(CaseState.PendingEvaluation, c.State);

            c.Rate(Rating.Satisfied, null, source, Org.Dispatcher, builder.Now.AddDays(1), Org.Rules);

            Assert.Equal((CaseState.Closed, expected), (c.State, c.Timeline[^1].Type));
        }
        var unrated = CaseBuilder.In(CaseState.PendingVerification).WithChannel(channel);
        var waiting = unrated.Build();
        waiting.Verify(true, null, Org.Dispatcher, unrated.Now, Org.Rules);
        Assert.Equal(closingRatings.Length == 0, waiting.State == CaseState.Closed);
        Assert.Equal(RatingRules.HasRater(channel) ? RatingRules.SourcesFor(channel).Count : 0, closingRatings.Length);
    }

    private static TheoryData<CaseState, CaseCommand> Pairs(bool allowed)
    {
        var data = new TheoryData<CaseState, CaseCommand>();
        var pairs = Enum.GetValues<CaseState>().SelectMany(state => Enum.GetValues<CaseCommand>().Select(command => (state, command)));
        foreach (var (state, command) in pairs.Where(p => CaseLifecycle.StateAllows(p.state, p.command) == allowed))
            data.Add(state, command);
        return data;
    }

    /// <summary>
    /// A case in <paramref name="state"/> that meets the conditions beyond the state, so only the table decides. Its channel
    /// has a rater, so a passed verification is one event; one nobody can rate also closes (<see cref="VerificationTests"/>).
    /// </summary>
    private static (Case Case, DateTime Now) Arrange(CaseState state, CaseCommand command)
    {
        var builder = command switch
        {
            CaseCommand.ClosePart or CaseCommand.SignPart or CaseCommand.AddPartProgress or CaseCommand.ReturnPart or CaseCommand.AssignPart =>
                CaseBuilder.In(state).CrossAgency(),
            CaseCommand.ApproveRequest or CaseCommand.RefuseRequest => CaseBuilder.In(state).WithPendingRequest(RequestKind.Postponement),
            CaseCommand.DecideClose => CaseBuilder.In(state).AwaitingCloseDecision(),
            CaseCommand.ResumeDeferred or CaseCommand.ExtendDeferral => CaseBuilder.In(state).Deferred(),
            _ => CaseBuilder.In(state),
        };
        var c = builder.Build();
        if (command == CaseCommand.AddPartProgress && CaseLifecycle.StateAllows(state, CaseCommand.SignPart))
            Commands.Invoke(c, CaseCommand.SignPart, builder.Now);
        if (command == CaseCommand.AnswerSupervision && CaseLifecycle.StateAllows(state, CaseCommand.Supervise))
            c.Supervise("Residents called twice", null, Org.Dispatcher, builder.Now);
        return (c, command == CaseCommand.AutoClose ? builder.Now + StreetRules.DefaultEvaluationWindow : builder.Now);
    }
}
