using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Cases;

/// <summary>The one rule for a reporter's name, optional on every channel.</summary>
public sealed class ReporterNameTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_NoName_IsNull(string? name)
    {
        Assert.Null(ReporterName.Check(name));
    }

    [Fact]
    public void Check_ExactlyTheLimit_IsAccepted_OneOver_IsRefused()
    {
        Assert.Equal(new string('名', ReporterName.MaxLength), ReporterName.Check($" {new string('名', ReporterName.MaxLength)} "));
        Expect.Invalid("TooLong", "reporterName", () => ReporterName.Check(new string('名', ReporterName.MaxLength + 1)));
    }

    [Fact]
    public void Check_ControlCharacters_AreRefused_NamingTheCallersField()
    {
        Expect.Invalid("ControlCharacters", "name", () => ReporterName.Check("王\u0000女士", "name"));
    }

    [Fact]
    public void Report_NameOneOverTheLimit_IsRefusedForReporterName()
    {
        Expect.Invalid("TooLong", "reporterName", () => CaseBuilder.Report(reporter: new(new string('名', ReporterName.MaxLength + 1), null)));
    }
}
