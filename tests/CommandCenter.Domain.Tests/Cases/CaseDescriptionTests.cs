using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>The one description rule, at its boundaries, for every channel.</summary>
public sealed class CaseDescriptionTests
{
    public static TheoryData<string, string> Refused() => new()
    {
        { "", "Required" },
        { " \n\t ", "Required" },
        { "漏", "TooShort" },
        { new string('长', CaseDescription.MaxLength + 1), "TooLong" },
        { "  " + new string('长', CaseDescription.MaxLength + 1) + "  ", "TooLong" },
        { "楼道\u0007有杂物", "ControlCharacters" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_OutsideTheRule_IsRefusedForDescription(string text, string code)
    {
        Expect.Invalid(code, CaseDescription.Field, () => CaseDescription.Check(text));
    }

    [Fact]
    public void Check_HalfASurrogatePair_IsRefused()
    {
        // Not theory data: xunit would turn the lone surrogate into U+FFFD on its way to the test.
        Expect.Invalid("ControlCharacters", CaseDescription.Field, () => CaseDescription.Check("楼道有杂物\uD800"));
    }

    [Theory]
    [InlineData("漏水")]
    [InlineData("电梯坏了，困人")]
    [InlineData("第一行\n第二行\t缩进")]
    [InlineData("楼下 \U00020000 字")]
    public void Check_PlainTextWithinTheLimits_IsAccepted(string text)
    {
        Assert.Equal(text, CaseDescription.Check(text));
    }

    [Fact]
    public void Check_ExactlyTheLimits_AreAccepted_Trimmed()
    {
        var longest = new string('长', CaseDescription.MaxLength);
        var shortest = new string('漏', CaseDescription.MinLength);

        Assert.Equal(longest, CaseDescription.Check($"  {longest}\n"));
        Assert.Equal(shortest, CaseDescription.Check($" {shortest} "));
    }

    [Fact]
    public void Report_EveryChannel_UsesTheSameRule()
    {
        foreach (var channel in Enum.GetValues<Channel>())
        {
            Assert.Equal(CaseDescription.MaxLength, CaseBuilder.Report(channel: channel, description: new string('长', CaseDescription.MaxLength)).Description.Length);
            Expect.Invalid("TooLong", CaseDescription.Field,
                () => CaseBuilder.Report(channel: channel, description: new string('长', CaseDescription.MaxLength + 1)));
        }
    }
}
