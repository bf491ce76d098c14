using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Organisation;

/// <summary>A person's street (docs/decisions/0017): their community's, or the one chosen, within the administrator's street.</summary>
public sealed class StaffStreetTests
{
    private static readonly StreetId A = StreetId.From(1), B = StreetId.From(2);

    [Fact]
    public void ACommunitysPost_TakesItsStreet_AndAStreetLevelPost_TheOneChosenOrNone()
    {
        Assert.Equal(B, StaffStreet.Decide([B, B], null, null));
        Assert.Equal(B, StaffStreet.Decide([B], B, B));
        Assert.Equal(A, StaffStreet.Decide([], A, null));
        Assert.Null(StaffStreet.Decide([], null, null));
        // A street's administrator's people are in their street, chosen or not.
        Assert.Equal(B, StaffStreet.Decide([], null, B));
    }

    [Fact]
    public void AChoiceAgainstThePost_PostsInTwoStreets_OrAnotherStreetThanTheAdministrators_AreRefused()
    {
        Expect.Invalid("StreetContradictsPost", "streetId", () => StaffStreet.Decide([B], A, null));
        Expect.Invalid("PostsInTwoStreets", "streetId", () => StaffStreet.Decide([A, B], null, null));
        Expect.Invalid("StreetOutsideScope", "streetId", () => StaffStreet.Decide([], A, B));
        Expect.Invalid("StreetOutsideScope", "streetId", () => StaffStreet.Decide([A], null, B));
    }

    [Fact]
    public void ADistrictAdministrator_ManagesEveryone_AStreets_OnlyTheirStreetsPeople()
    {
        Assert.True(StaffStreet.Manages(null, A) && StaffStreet.Manages(null, null) && StaffStreet.Manages(A, A));
        Assert.False(StaffStreet.Manages(A, B) || StaffStreet.Manages(A, null));
    }
}
