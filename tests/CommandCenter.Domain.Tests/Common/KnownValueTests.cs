using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Domain.Tests.Builders;

namespace CommandCenter.Domain.Tests.Common;

/// <summary>An enum value nobody defined is refused one way, with one code, wherever it appears.</summary>
public sealed class KnownValueTests
{
    [Fact]
    public void Of_DefinedValue_PassesThrough()
    {
        Assert.Equal(Channel.Hotline, KnownValue.Of(Channel.Hotline, "channel"));
        Assert.Equal(42, KnownValue.Of(42, "count"));
    }

    [Fact]
    public void Of_UndefinedValue_IsUnknownValue_NamingTheField()
    {
        Expect.Invalid("UnknownValue", "channel", () => KnownValue.Of((Channel)99, "channel"));
    }

    [Theory]
    [InlineData("Hotline")]
    [InlineData("hotline")]
    public void Named_AName_AnyCase_IsItsValue(string name)
    {
        Assert.Equal(Channel.Hotline, KnownValue.Named<Channel>(name, "channel"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("Hotline,GridPatrol")]
    [InlineData("Nowhere")]
    public void Named_NoName_ANumber_AList_OrAnUnknownName_IsUnknownValue(string? name)
    {
        Expect.Invalid("UnknownValue", "channel", () => KnownValue.Named<Channel>(name, "channel"));
    }

    public static TheoryData<string, Action> UndefinedValues() => new()
    {
        { "channel", () => Case.Report("CT-20261124-0001", Org.StreetId, (Channel)99, Org.Item, Urgency.Normal, Org.Courtyard, null, "楼道堆放杂物", null, null, null, Org.Dispatcher, Clock.Start, Org.Rules) },
        { "urgency", () => CaseBuilder.Report(urgency: (Urgency)99) },
        { "level", () => TimePolicy.Create(1, null, null, (HandlingLevel)99, TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.75, TimeBasis.Calendar) },
        { "basis", () => TimePolicy.Create(1, null, null, HandlingLevel.Courtyard, TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), 0.75, (TimeBasis)99) },
        { "rating", () => RatingRules.Check((Rating)99, RatingSource.Reporter) },
    };

    [Theory]
    [MemberData(nameof(UndefinedValues))]
    public void EveryRule_RefusesAnUndefinedValue_WithTheOneCode(string field, Action action)
    {
        Expect.Invalid("UnknownValue", field, action);
    }
}
