using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Tests.Archive;

public class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X")]
    [InlineData(" 11010519491231002x ", "11010519491231002X")]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    public void Check_KeepsOneSpelling(string? typed, string? stored) => Assert.Equal(stored, IdNumber.Check(typed));

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("1101051949123100２X")] // a full-width digit
    [InlineData("A1010519491231002X")]
    public void Check_RefusesWhatIsNotAnIdNumber(string typed) =>
        Assert.Equal("InvalidIdNumber", Assert.Throws<DomainValidationException>(() => IdNumber.Check(typed)).Code);

    [Fact]
    public void Mask_KeepsRegionAndLastFour() => Assert.Equal("110***********002X", PersonalData.MaskIdNumber("11010519491231002X"));

    [Fact]
    public void Mask_ShortValue_HidesAll() => Assert.Equal("*****", PersonalData.MaskIdNumber("12345"));
}
