using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Access;

/// <summary>A cross-agency part is closed by its own department or by the dispatch desk, never by another unit.</summary>
public class ClosePartRightsTests
{
    private readonly Case _case = CaseBuilder.In(CaseState.InProgress).CrossAgency().Build();

    [Fact]
    public void WhyNotClosePart_OwnPart_Allowed() =>
        Assert.Null(CommandRights.WhyNotClosePart(Liaison(Org.Ecology.Id), _case, Org.Ecology.Id, DecisionRights.Defaults));

    [Fact]
    public void WhyNotClosePart_AnotherCoHandlersPart_NotPartHolder() =>
        Assert.Equal(AccessRefusal.NotPartHolder, CommandRights.WhyNotClosePart(Liaison(Org.UrbanManagement.Id), _case, Org.Ecology.Id, DecisionRights.Defaults));

    [Fact]
    public void WhyNotClosePart_LeadClosingACoHandlersPart_NotPartHolder()
    {
        Assert.Equal(AccessRefusal.NotPartHolder, CommandRights.WhyNotClosePart(Liaison(Org.Housing.Id), _case, Org.Ecology.Id, DecisionRights.Defaults));
        // The lead reports the whole case done instead; no close-part button is offered to it.
        Assert.DoesNotContain(CaseCommand.ClosePart, CommandRights.Filter(Liaison(Org.Housing.Id), _case, [CaseCommand.ClosePart], DecisionRights.Defaults));
    }

    [Theory]
    [InlineData(AccessRole.Dispatcher)]
    [InlineData(AccessRole.CommunityStaff)]
    public void WhyNotClosePart_DispatchDesk_AllowedOnBehalf(AccessRole role)
    {
        var desk = new Post { Role = role, Name = "desk", Source = ActSource.Console, UnitId = new UnitId(99), CommunityId = Org.CommunityId };

        Assert.Null(CommandRights.WhyNotClosePart(desk, _case, Org.Ecology.Id, DecisionRights.Defaults));
        Assert.True(CommandRights.ClosesPartOnBehalf(desk, Org.Ecology.Id));
    }

    [Theory]
    [InlineData(AccessRole.StreetLeader)]
    [InlineData(AccessRole.Administrator)]
    [InlineData(AccessRole.GridWorker)]
    [InlineData(AccessRole.PropertyStaff)]
    public void WhyNotClosePart_NeitherTheUnitNorTheDesk_Refused(AccessRole role)
    {
        var post = new Post { Role = role, Name = "other", Source = ActSource.Console, UnitId = Org.Property.Id, CourtyardIds = [Org.Courtyard.Id] };

        Assert.NotNull(CommandRights.WhyNotClosePart(post, _case, Org.Ecology.Id, DecisionRights.Defaults));
    }

    private static Post Liaison(UnitId unitId) => new() { Role = AccessRole.DepartmentLiaison, Name = $"Liaison {unitId}", Source = ActSource.Console, UnitId = unitId };
}
