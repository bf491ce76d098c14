using CommandCenter.Domain.Archive;

namespace CommandCenter.Domain.Tests.Archive;

/// <summary>
/// 业主人数, worked by hand: one per exclusive unit; one buyer of several units once; the developer's unsold units once.
/// </summary>
public class OwnerHeadCountTests
{
    private static readonly OwnerId Zhang = new(1), Li = new(2), Wang = new(3), Developer = new(9);

    private static HomeId H(int n) => new(n);

    [Fact]
    public void OneOwnerPerUnit_CountsEachUnit() =>
        Assert.Equal(3, OwnerHeadCount.Of([H(1), H(2), H(3)], [(H(1), Zhang), (H(2), Li), (H(3), Wang)]));

    [Fact]
    public void OnePersonWithThreeUnits_CountsOnce() =>
        // Zhang's three units and Li's one: 2 owners, 4 units.
        Assert.Equal(2, OwnerHeadCount.Of([H(1), H(2), H(3), H(4)], [(H(1), Zhang), (H(2), Zhang), (H(3), Zhang), (H(4), Li)]));

    [Fact]
    public void DevelopersUnsoldUnits_CountAsOne() =>
        // 10 unsold units held by the developer, and 2 sold ones: 1 + 2.
        Assert.Equal(3, OwnerHeadCount.Of([.. Enumerable.Range(1, 12).Select(H)],
            [.. Enumerable.Range(1, 10).Select(n => (H(n), Developer)), (H(11), Zhang), (H(12), Li)]));

    [Fact]
    public void CoOwnersOfOneUnit_AreOneOwner() =>
        // Zhang and Li own unit 1 together, Wang unit 2: 2 owners.
        Assert.Equal(2, OwnerHeadCount.Of([H(1), H(2)], [(H(1), Zhang), (H(1), Li), (H(2), Wang)]));

    [Fact]
    public void TheSameCoOwnersOfTwoUnits_CountOnce_ButOneOfThemAloneIsAnotherBuyer() =>
        // Units 1 and 2 bought by Zhang and Li together (one buyer), unit 3 by Li alone (another): 2.
        Assert.Equal(2, OwnerHeadCount.Of([H(1), H(2), H(3)], [(H(1), Zhang), (H(1), Li), (H(2), Li), (H(2), Zhang), (H(3), Li)]));

    [Fact]
    public void AUnitWithNoOwnerOnFile_StillCountsOne() =>
        Assert.Equal(2, OwnerHeadCount.Of([H(1), H(2)], [(H(1), Zhang)]));

    [Fact]
    public void OwnershipsOfHomesOutsideTheSet_AreNotCounted() =>
        Assert.Equal(1, OwnerHeadCount.Of([H(1)], [(H(1), Zhang), (H(7), Li)]));
}
