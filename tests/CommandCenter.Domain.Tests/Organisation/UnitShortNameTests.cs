using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Organisation;

public sealed class UnitShortNameTests
{
    [Theory]
    [InlineData("重庆渝港物业服务有限公司", "渝港物业")] // municipality, trade in full and legal form go
    [InlineData("重庆港城国际物业管理有限公司", "港城国际物业")]
    [InlineData("上海市申城物业管理股份有限公司", "申城物业")]
    [InlineData("寸滩街道综合执法队", "综合执法队")] // the street's own offices: the street goes
    [InlineData("寸滩老街小区院落自管小组", "寸滩老街小区自管组")]
    [InlineData("寸滩街87号院院落党小组", "寸滩街87号院党小组")]
    [InlineData("港安社区两委", "港安社区两委")] // nothing repeated: kept whole
    [InlineData("区城市管理局", "区城市管理局")]
    [InlineData("重庆", "重庆")] // never shortened to nothing
    [InlineData("有限公司", "有限公司")]
    public void Of_DropsWhatEveryUnitOfItsKindRepeats(string name, string expected)
    {
        Assert.Equal(expected, UnitShortName.Of(name, "寸滩街道"));
    }
}
