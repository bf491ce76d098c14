using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Tests.Archive;

/// <summary>A title passing keeps who held it before and for how long; those who stay on the title are not history.</summary>
public class FormerOwnershipTests
{
    private static readonly DateTime At = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly HomeId Home = new(1);

    [Fact]
    public void AnInheritance_KeepsTheDeceasedOwner_AsFormer_AndTheSurvivingCoOwnerStays()
    {
        var onTitle = Ownership.Title(Home, [(new OwnerId(1), true, null), (new OwnerId(2), false, null)], ArchiveSource.LandRegistry, At, new DateOnly(2010, 5, 1));
        var newTitle = Ownership.Title(Home, [(new OwnerId(2), true, 50m), (new OwnerId(3), false, 50m)], ArchiveSource.LandRegistry, At, new DateOnly(2026, 11, 20));

        var former = Assert.Single(FormerOwnership.Leaving(onTitle, newTitle, TitleChange.Inheritance, new DateOnly(2026, 11, 20), At));

        Assert.Equal((new OwnerId(1), true, (DateOnly?)new DateOnly(2010, 5, 1), new DateOnly(2026, 11, 20), TitleChange.Inheritance, ArchiveSource.LandRegistry),
            (former.OwnerId, former.Representative, former.Since, former.Until, former.Change, former.Source));
    }

    [Fact]
    public void ATitle_CannotPass_BeforeItsOwnersGotIt()
    {
        var onTitle = Ownership.Title(Home, [(new OwnerId(1), false, null)], ArchiveSource.LandRegistry, At, new DateOnly(2020, 1, 1));
        var newTitle = Ownership.Title(Home, [(new OwnerId(2), false, null)], ArchiveSource.LandRegistry, At);

        Assert.Equal("TransferBeforeOwning", Assert.Throws<DomainValidationException>(() =>
            FormerOwnership.Leaving(onTitle, newTitle, TitleChange.Sale, new DateOnly(2019, 12, 31), At)).Code);
        Assert.Equal("UnknownValue", Assert.Throws<DomainValidationException>(() =>
            FormerOwnership.Leaving(onTitle, newTitle, (TitleChange)42, new DateOnly(2021, 1, 1), At)).Code);
    }

    [Fact]
    public void TheOwnerHeadCount_CountsTheCurrentTitleOnly()
    {
        var onTitle = Ownership.Title(Home, [(new OwnerId(1), false, null)], ArchiveSource.LandRegistry, At);
        var sold = Ownership.Title(Home, [(new OwnerId(2), false, null)], ArchiveSource.LandRegistry, At);
        var former = FormerOwnership.Leaving(onTitle, sold, TitleChange.Sale, new DateOnly(2026, 11, 1), At);

        // The buyer also owns home 2; the seller, gone from home 1, owns nothing now and is not counted.
        Assert.Equal(1, OwnerHeadCount.Of([Home, new HomeId(2)], [.. sold.Select(o => (o.HomeId, o.OwnerId)), (new HomeId(2), new OwnerId(2))]));
        Assert.DoesNotContain(former, f => sold.Any(o => o.OwnerId == f.OwnerId));
    }
}
