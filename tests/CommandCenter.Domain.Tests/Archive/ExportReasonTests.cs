using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Tests.Archive;

public class ExportReasonTests
{
    [Fact]
    public void AReason_IsKeptTrimmed() => Assert.Equal("高温走访独居老人", ExportReason.Check("  高温走访独居老人 "));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("看看")]
    [InlineData("走访\u0000老人")]
    public void NoReason_IsRefused(string? reason) =>
        Assert.Equal("ExportReasonRequired", Assert.Throws<DomainValidationException>(() => ExportReason.Check(reason)).Code);

    [Fact]
    public void AnEssay_IsRefused() =>
        Assert.Throws<DomainValidationException>(() => ExportReason.Check(new string('走', ExportReason.MaxLength + 1)));
}
