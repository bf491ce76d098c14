using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Access;

/// <summary>Who decides (issue 13): the default table post × decision, separation of duties, and the administrator's place.</summary>
public class DecisionRightsTests
{
    private static readonly UnitId DeskUnit = new(99);

    /// <summary>Post × decision under the default table, with the reason of each refusal (null: allowed).</summary>
    public static TheoryData<AccessRole, Decision, AccessRefusal?> DefaultTable()
    {
        var allowed = new Dictionary<Decision, AccessRole[]>
        {
            [Decision.ApprovePostponement] = [AccessRole.Dispatcher],
            [Decision.ApproveDeferral] = [AccessRole.StreetLeader],
            [Decision.ApproveEscalation] = [AccessRole.Dispatcher],
            [Decision.Verify] = [AccessRole.Dispatcher, AccessRole.CommunityStaff],
            [Decision.RecordRevisit] = [AccessRole.Dispatcher, AccessRole.CommunityStaff],
            [Decision.Escalate] = [AccessRole.Dispatcher, AccessRole.StreetLeader],
            [Decision.DecideClose] = [AccessRole.StreetLeader],
            [Decision.ResumeDeferral] = [AccessRole.StreetLeader],
        };
        var data = new TheoryData<AccessRole, Decision, AccessRefusal?>();
        foreach (var role in AccessRoles.Staff)
        foreach (var decision in Enum.GetValues<Decision>())
            data.Add(role, decision,
                role == AccessRole.Administrator ? AccessRefusal.AdministratorRunsTheSystem
                // A department sees only its own tickets; this courtyard case is not one.
                : role == AccessRole.DepartmentLiaison ? AccessRefusal.OutOfScope
                : allowed[decision].Contains(role) ? null
                : AccessRefusal.NotYourDecision);
        return data;
    }

    [Theory]
    [MemberData(nameof(DefaultTable))]
    public void WhyNot_DefaultTable_PostByDecision(AccessRole role, Decision decision, AccessRefusal? expected)
    {
        var (c, command) = CaseAwaiting(decision);

        Assert.Equal(expected, CommandRights.WhyNot(PostOf(role), command, c, DecisionRights.Defaults));
        Assert.Equal(expected is null, CommandRights.Filter(PostOf(role), c, [command], DecisionRights.Defaults).Contains(command));
    }

    [Theory]
    [InlineData(CaseState.PendingVerification, CaseCommand.Verify)]
    [InlineData(CaseState.PendingEvaluation, CaseCommand.Rate)]
    public void WhyNot_CommunityStaffOnTheirCommitteesWork_OwnUnitsWork(CaseState state, CaseCommand command)
    {
        var c = CaseBuilder.In(state).AtLevel(HandlingLevel.Community).Build();
        Assert.Equal(Org.Committee.Id, c.CurrentUnitId);

        Assert.Equal(AccessRefusal.OwnUnitsWork, CommandRights.WhyNot(CommunityStaff(Org.Committee.Id), command, c, DecisionRights.Defaults));
        Assert.DoesNotContain(command, CommandRights.Filter(CommunityStaff(Org.Committee.Id), c, [command], DecisionRights.Defaults));
    }

    [Theory]
    [InlineData(CaseState.PendingVerification, CaseCommand.Verify)]
    [InlineData(CaseState.PendingEvaluation, CaseCommand.Rate)]
    public void WhyNot_CommunityStaffOnAnotherUnitsWork_Allowed(CaseState state, CaseCommand command)
    {
        var c = CaseBuilder.In(state).AtLevel(HandlingLevel.Courtyard).Build();
        Assert.Equal(Org.Property.Id, c.CurrentUnitId);

        Assert.Null(CommandRights.WhyNot(CommunityStaff(Org.Committee.Id), command, c, DecisionRights.Defaults));
    }

    [Fact]
    public void WhyNot_AdministratorOnAnyCommand_AdministratorRunsTheSystem()
    {
        var c = CaseBuilder.In(CaseState.InProgress).Build();
        var admin = PostOf(AccessRole.Administrator);

        Assert.All(Enum.GetValues<CaseCommand>(),
            command => Assert.Equal(AccessRefusal.AdministratorRunsTheSystem, CommandRights.WhyNot(admin, command, c, DecisionRights.Defaults)));
        Assert.Empty(CommandRights.Filter(admin, c, Enum.GetValues<CaseCommand>(), DecisionRights.Defaults));
    }

    [Fact]
    public void WhyNot_StreetLeaderGivenPostponements_MayApprove()
    {
        var (c, command) = CaseAwaiting(Decision.ApprovePostponement);
        var leader = PostOf(AccessRole.StreetLeader);
        Assert.Equal(AccessRefusal.NotYourDecision, CommandRights.WhyNot(leader, command, c, DecisionRights.Defaults));

        var changed = DecisionRights.Defaults.With(Decision.ApprovePostponement, AccessRole.Dispatcher, AccessRole.StreetLeader);

        Assert.Null(CommandRights.WhyNot(leader, CaseCommand.ApproveRequest, c, changed));
        Assert.Null(CommandRights.WhyNot(leader, CaseCommand.RefuseRequest, c, changed));
        c.ApproveRequest(null, new Actor("Leader", AccessRole.StreetLeader, null, ActSource.Console), c.Clock.HandlingDeadlineUtc!.Value.AddMinutes(-1), Org.Rules);
        Assert.Null(c.PendingRequest);
    }

    [Fact]
    public void Defaults_EveryDecisionHasItsPosts() =>
        Assert.All(Enum.GetValues<Decision>(), decision => Assert.NotEmpty(DecisionRights.Defaults.RolesFor(decision)));

    [Theory]
    [InlineData(AccessRole.Administrator)]
    [InlineData(AccessRole.Display)]
    [InlineData(AccessRole.Resident)]
    [InlineData(AccessRole.System)]
    public void With_RoleThatDoesNotWorkCases_Refused(AccessRole role) =>
        Assert.Equal("RoleCannotDecide",
            Assert.Throws<DomainValidationException>(() => DecisionRights.Defaults.With(Decision.Verify, AccessRole.Dispatcher, role)).Code);

    [Fact]
    public void With_NoPost_Refused() =>
        Assert.Equal("DecisionWithoutRole", Assert.Throws<DomainValidationException>(() => DecisionRights.Defaults.With(Decision.Escalate)).Code);

    [Fact]
    public void New_DecisionWithoutRow_Refused() =>
        Assert.Equal("DecisionMissing", Assert.Throws<DomainValidationException>(
            () => new DecisionRights(DecisionRights.Defaults.Rows.Where(r => r.Key != Decision.Verify)
                .Select(r => KeyValuePair.Create(r.Key, r.Value.AsEnumerable())))).Code);

    /// <summary>A case waiting for <paramref name="decision"/>, and the command that takes it; handled by a unit no tested post belongs to.</summary>
    private static (Case Case, CaseCommand Command) CaseAwaiting(Decision decision) => decision switch
    {
        Decision.ApprovePostponement => (CaseBuilder.In(CaseState.InProgress).WithPendingRequest(RequestKind.Postponement).Build(), CaseCommand.ApproveRequest),
        Decision.ApproveDeferral => (CaseBuilder.In(CaseState.InProgress).WithPendingRequest(RequestKind.Deferral).Build(), CaseCommand.RefuseRequest),
        Decision.ApproveEscalation => (CaseBuilder.In(CaseState.InProgress).WithPendingRequest(RequestKind.Escalation).Build(), CaseCommand.ApproveRequest),
        Decision.Verify => (CaseBuilder.In(CaseState.PendingVerification).Build(), CaseCommand.Verify),
        Decision.RecordRevisit => (CaseBuilder.In(CaseState.PendingEvaluation).Build(), CaseCommand.Rate),
        Decision.Escalate => (CaseBuilder.In(CaseState.InProgress).Build(), CaseCommand.Escalate),
        Decision.DecideClose => (CaseBuilder.In(CaseState.PendingEvaluation).AwaitingCloseDecision().Build(), CaseCommand.DecideClose),
        Decision.ResumeDeferral => (CaseBuilder.In(CaseState.InProgress).Deferred().Build(), CaseCommand.ResumeDeferred),
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Teach CaseAwaiting this decision."),
    };

    private static Post PostOf(AccessRole role) => new()
    {
        Role = role, Name = role.ToString(), Source = ActSource.Console, UnitId = DeskUnit, CommunityId = Org.CommunityId,
        CourtyardIds = [Org.Courtyard.Id],
    };

    private static Post CommunityStaff(UnitId unit) => PostOf(AccessRole.CommunityStaff) with { UnitId = unit };
}
