using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Tests.Archive;

public class ArchiveWordsTests
{
    [Fact]
    public void EveryRelationAndTag_HasItsWord() =>
        Assert.Equal((Enum.GetValues<Relation>().Length, ResidentTagSet.Each.Count), (ArchiveWords.Relations.Count, ArchiveWords.Tags.Count));

    [Theory]
    [InlineData("户主", Relation.Head)]
    [InlineData(" 租户 ", Relation.Tenant)]
    [InlineData("spouse", Relation.Spouse)]
    public void ARelation_IsReadByItsWordOrName(string word, Relation relation) => Assert.Equal(relation, ArchiveWords.RelationOf(word));

    [Fact]
    public void Tags_AreReadFromAList_InAnySeparator()
    {
        Assert.Equal(ResidentTags.PartyMember | ResidentTags.Dibao | ResidentTags.Volunteer, ArchiveWords.TagsOf("党员、低保，Volunteer"));
        Assert.Equal(ResidentTags.None, ArchiveWords.TagsOf(null));
    }

    [Fact]
    public void AnUnknownWord_IsRefused()
    {
        Assert.Equal("ImportUnknownRelation", Assert.Throws<DomainValidationException>(() => ArchiveWords.RelationOf("表哥")).Code);
        Assert.Equal("ImportUnknownTag", Assert.Throws<DomainValidationException>(() => ArchiveWords.TagsOf("党员、富豪")).Code);
    }

    [Fact]
    public void TheOwnerListsWords_AreRead_WithTheirDefaults()
    {
        Assert.Equal((Enum.GetValues<AreaSource>().Length, Enum.GetValues<HomeUse>().Length, Enum.GetValues<OwnerKind>().Length),
            (ArchiveWords.AreaSources.Count, ArchiveWords.Uses.Count, ArchiveWords.OwnerKinds.Count));
        Assert.Equal((AreaSource.Surveyed, HomeUse.ParkingSpace, OwnerKind.Developer), (ArchiveWords.AreaSourceOf("实测"), ArchiveWords.UseOf("车位"), ArchiveWords.OwnerKindOf("开发商")));
        Assert.Equal((HomeUse.Home, OwnerKind.Person, false), (ArchiveWords.UseOf(null), ArchiveWords.OwnerKindOf(" "), ArchiveWords.YesOf(null, "代表人")));
        Assert.True(ArchiveWords.YesOf("是", "代表人"));
        Assert.Equal((50m, 33.33m, (decimal?)null), (ArchiveWords.ShareOf("50%")!.Value, ArchiveWords.ShareOf(" 33.33 ％")!.Value, ArchiveWords.ShareOf("")));
        Assert.Equal("ImportUnknownAreaSource", Assert.Throws<DomainValidationException>(() => ArchiveWords.AreaSourceOf(null)).Code);
        Assert.Equal("ImportNotYesOrNo", Assert.Throws<DomainValidationException>(() => ArchiveWords.YesOf("也许", "代表人")).Code);
        Assert.Equal("InvalidShares", Assert.Throws<DomainValidationException>(() => ArchiveWords.ShareOf("一半")).Code);
    }
}
