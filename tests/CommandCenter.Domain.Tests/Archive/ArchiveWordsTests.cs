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
}
