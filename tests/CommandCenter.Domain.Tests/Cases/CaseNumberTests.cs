using CommandCenter.Domain.Cases;

namespace CommandCenter.Domain.Tests.Cases;

public class CaseNumberTests
{
    [Fact]
    public void Format_StreetDayAndSequence_PadsSequenceToFourDigits()
    {
        Assert.Equal("CT-20261122-0042", CaseNumber.Format("CT", new DateOnly(2026, 11, 22), 42));
    }

    [Fact]
    public void Prefix_UtcEveningBeforeChinaMidnight_UsesChinaDate()
    {
        Assert.Equal("CT-20261122-", CaseNumber.Prefix("CT", new DateTime(2026, 11, 21, 16, 0, 0, DateTimeKind.Utc)));
    }
}
