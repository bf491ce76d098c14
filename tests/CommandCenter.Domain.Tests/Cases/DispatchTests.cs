using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

public class DispatchTests
{
    [Fact]
    public void Dispatch_PropertyOfAnotherCourtyard_ThrowsUnitDoesNotServe()
    {
        var builder = CaseBuilder.In(CaseState.PendingDispatch);
        var c = builder.Build();
        var elsewhere = new HandlingUnit
        {
            Id = new UnitId(9),
            Name = "Bamboo Property",
            Kind = UnitKind.PropertyCompany,
            ServedCourtyardIds = [Org.NeighbourCourtyard.Id],
        };

        Expect.Invalid(c, "UnitDoesNotServe", "unitId", () => Commands.DispatchTo(c, elsewhere, builder.Now));
    }

    [Theory]
    [InlineData(HandlingLevel.Community)]
    [InlineData(HandlingLevel.Street)]
    [InlineData(HandlingLevel.District)]
    public void Dispatch_UnitOfAnotherLevel_ThrowsUnitDoesNotServe(HandlingLevel unitLevel)
    {
        var builder = CaseBuilder.In(CaseState.PendingDispatch);
        var c = builder.Build();

        Expect.Invalid(c, "UnitDoesNotServe", "unitId", () => Commands.DispatchTo(c, Org.UnitAt(unitLevel), builder.Now));
    }

    [Fact]
    public void Dispatch_CoHandlersBelowStreet_ThrowsCoHandlersNotBelowStreet()
    {
        var builder = CaseBuilder.In(CaseState.PendingDispatch).AtLevel(HandlingLevel.Community);
        var c = builder.Build();

        Expect.Invalid(c, "CoHandlersNotBelowStreet", "coHandlerUnitIds", () => Commands.Dispatch(c, builder.Now, Org.UrbanManagement));
    }

    [Fact]
    public void Dispatch_CoHandlersNotDistinctOfficesOrDepartmentsBesideLead_ThrowsInvalidCoHandlers()
    {
        var builder = CaseBuilder.In(CaseState.PendingDispatch).AtLevel(HandlingLevel.District);
        var c = builder.Build();
        HandlingUnit[][] wrong = [[Org.Housing], [Org.Ecology, Org.Ecology], [Org.Committee], [Org.Property]];

        Assert.All(wrong, coHandlers =>
            Expect.Invalid(c, "InvalidCoHandlers", "coHandlerUnitIds", () => Commands.Dispatch(c, builder.Now, coHandlers)));
    }

    [Theory]
    [InlineData(Urgency.Normal, 30)]
    [InlineData(Urgency.Urgent, 15)]
    public void Dispatch_ByUrgency_SetsSignDeadline(Urgency urgency, int minutes)
    {
        var builder = CaseBuilder.In(CaseState.PendingDispatch).WithUrgency(urgency);
        var c = builder.Build();

        Commands.Dispatch(c, builder.Now);

        Assert.Equal((Org.Property.Id, builder.Now), (c.CurrentUnitId, c.Clock.DispatchedAtUtc));
        Assert.Equal(builder.Now.AddMinutes(minutes), c.Clock.SignDeadlineUtc);
        Assert.Null(c.Clock.HandlingDeadlineUtc);
    }

    [Theory]
    [InlineData(Urgency.Normal, 24)]
    [InlineData(Urgency.Urgent, 2)]
    [InlineData(Urgency.Critical, 1)]
    public void Sign_ByUrgency_StartsHandlingClock(Urgency urgency, int hours)
    {
        var builder = CaseBuilder.In(CaseState.Dispatched).WithUrgency(urgency);
        var c = builder.Build();

        c.Sign(Org.Dispatcher, builder.Now, Org.Rules);

        Assert.Equal(builder.Now, c.Clock.SignedAtUtc);
        Assert.Equal(builder.Now.AddHours(hours), c.Clock.HandlingDeadlineUtc);
        Assert.Equal(builder.Now.AddHours(hours * DefaultTimeLimits.WarningShare), c.Clock.WarningAtUtc);
    }
}
