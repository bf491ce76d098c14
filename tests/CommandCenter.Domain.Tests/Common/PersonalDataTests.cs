using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Tests.Common;

public class PersonalDataTests
{
    [Fact]
    public void MaskPhone_MobileNumber_KeepsFirstThreeAndLastFour()
    {
        Assert.Equal("138****5678", PersonalData.MaskPhone("13812345678"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void MaskPhone_Nothing_ReturnsItUnchanged(string? phone)
    {
        Assert.Equal(phone, PersonalData.MaskPhone(phone));
    }

    [Fact]
    public void MaskPhone_ShortNumber_MasksEveryDigit()
    {
        Assert.Equal("*****", PersonalData.MaskPhone("12345"));
    }

    [Fact]
    public void MaskPhone_SevenDigitNumber_HidesSomeDigits()
    {
        Assert.Contains('*', PersonalData.MaskPhone("8765432")!);
    }

    [Fact]
    public void MaskName_ChineseName_KeepsSurnameOnly()
    {
        Assert.Equal("张**", PersonalData.MaskName("张伟明"));
    }
}
