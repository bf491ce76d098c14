using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Organisation;

public sealed class CourtyardServiceTests
{
    private static readonly CourtyardId Yard = new(7);
    private static readonly HandlingUnit Old = new() { Id = new UnitId(1), Name = "老物业", Kind = UnitKind.PropertyCompany, ServedCourtyardIds = [Yard, new CourtyardId(8)] };
    private static readonly HandlingUnit New = new() { Id = new UnitId(2), Name = "新物业", Kind = UnitKind.PropertyCompany };
    private static readonly HandlingUnit Group = new() { Id = new UnitId(3), Name = "院落组", Kind = UnitKind.CourtyardGroup, ServedCourtyardIds = [Yard] };
    private static readonly DateOnly Day = new(2027, 1, 1);

    [Fact]
    public void Replace_FromADay_TheOldServesUntilTheDayBefore_TheNewFromIt_AndAGroupOfTheCourtyardStays()
    {
        List<CourtyardService> periods = [];

        CourtyardService.Replace(periods, Yard, Old, New, Day);

        Assert.Equal([Yard, new CourtyardId(8)], Old.On(Day.AddDays(-1), periods).ServedCourtyardIds);
        Assert.Equal([new CourtyardId(8)], Old.On(Day, periods).ServedCourtyardIds);
        Assert.Empty(New.On(Day.AddDays(-1), periods).ServedCourtyardIds);
        Assert.Equal([Yard], New.On(Day, periods).ServedCourtyardIds);
        Assert.Equal([Yard], Group.On(Day, periods).ServedCourtyardIds);
    }

    // Each row: what is refused, and why.
    [Theory]
    [InlineData("AlreadyServes", 0, "the unit serving the courtyard that day replaces nobody")]
    [InlineData("ServiceChangedLater", -1, "a change on record from a later day would be undone by an earlier one")]
    [InlineData("ServiceChangedLater", 0, "two changes on one day")]
    public void Replace_Refused_ChangesNoPeriod(string code, int daysAfterFirstChange, string why)
    {
        List<CourtyardService> periods = [];
        CourtyardService.Replace(periods, Yard, Old, New, Day);
        var before = periods.Select(p => (p.UnitId, p.From, p.Until)).ToList();

        var refused = Assert.Throws<DomainValidationException>(() =>
            CourtyardService.Replace(periods, Yard, null, code == "AlreadyServes" ? New : Old, Day.AddDays(daysAfterFirstChange + (code == "AlreadyServes" ? 1 : 0))));

        Assert.True(code == refused.Code, why);
        Assert.Equal(before, periods.Select(p => (p.UnitId, p.From, p.Until)));
    }

    [Fact]
    public void Replace_ByAUnitThatServesNoCourtyards_IsRefused()
    {
        var street = new HandlingUnit { Id = new UnitId(9), Name = "街道办", Kind = UnitKind.StreetOffice };

        Assert.Equal("NotACourtyardUnit", Assert.Throws<DomainValidationException>(() => CourtyardService.Replace([], Yard, Old, street, Day)).Code);
    }
}
