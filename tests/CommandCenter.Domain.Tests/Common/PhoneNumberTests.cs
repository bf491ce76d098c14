using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Tests.Common;

/// <summary>The one phone rule: the formats people type that reach a mainland phone, stored as digits.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData(" 138 1234 5678 ", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("023-67891234", "02367891234")]
    [InlineData("0851 8123456", "08518123456")]
    [InlineData("010-12345678", "01012345678")]
    [InlineData("0759-12345678", "075912345678")]
    [InlineData("(023) 6789-1234", "02367891234")]
    [InlineData("+86 23 6789 1234", "02367891234")]
    [InlineData("138\u30001234\u30005678", "13812345678")]
    public void Check_MobileOrLandlineWithAreaCode_IsAcceptedAsDigits(string typed, string stored)
    {
        Assert.Equal(stored, PhoneNumber.Check(typed));
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("12345")]
    [InlineData("67891234")]
    [InlineData("1381234567")]
    [InlineData("138123456789")]
    [InlineData("23812345678")]
    [InlineData("138abcd5678")]
    [InlineData("138.1234.5678")]
    [InlineData("0231234567890")]
    [InlineData("86 13812345678")]
    [InlineData("+1 415 555 0100")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData("138123456789012345678")]
    [InlineData("1 3 8 1 2 3 4 5 6 7 8 ")]
    public void Check_AnythingElse_IsRefusedForTheField(string typed)
    {
        Expect.Invalid("InvalidPhone", "reporterPhone", () => PhoneNumber.Check(typed));
    }

    [Fact]
    public void Check_ExactlyTheTypedLimit_IsAccepted_OneOver_IsRefused()
    {
        var atLimit = "+86 " + "138-1234-5678".PadLeft(PhoneNumber.MaxLength - 4);
        Assert.Equal(PhoneNumber.MaxLength, atLimit.Length);

        Assert.Equal("13812345678", PhoneNumber.Check(atLimit));
        Expect.Invalid("InvalidPhone", "phone", () => PhoneNumber.Check("+86 " + "138-1234-5678".PadLeft(PhoneNumber.MaxLength - 3), "phone"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Check_NoNumber_IsNull(string? typed)
    {
        Assert.Null(PhoneNumber.Check(typed));
    }

    [Fact]
    public void Report_StoresTheDigits_WhateverTheChannelTyped()
    {
        var c = Builders.CaseBuilder.Report(reporter: new(null, "+86 138-1234-5678"));

        Assert.Equal("13812345678", c.ReporterPhone);
    }
}
