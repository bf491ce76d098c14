using System.Globalization;
using System.Text.Json;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Organisation;

/// <summary>A typed id is its int everywhere it leaves the program: in text, in JSON, and back.</summary>
public sealed class IntIdTests
{
    [Fact]
    public void ToString_IsTheNumberInvariantly()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.Equal("-1234", new UnitId(-1234).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("42", true, 42)]
    [InlineData("-7", true, -7)]
    [InlineData("4.2", false, 0)]
    [InlineData("abc", false, 0)]
    [InlineData("", false, 0)]
    [InlineData(null, false, 0)]
    [InlineData("99999999999", false, 0)]
    public void TryParse_TakesWholeNumbersOnly(string? text, bool parsed, int value)
    {
        Assert.Equal(parsed, CourtyardId.TryParse(text, CultureInfo.InvariantCulture, out var id));
        Assert.Equal(value, id.Value);
    }

    [Fact]
    public void Json_IsANumber_BothWays()
    {
        var json = JsonSerializer.Serialize(new { Unit = new UnitId(3), Staff = (StaffId?)new StaffId(4), Community = (CommunityId?)null, Courtyards = new[] { new CourtyardId(5) } });

        Assert.Equal("""{"Unit":3,"Staff":4,"Community":null,"Courtyards":[5]}""", json);
        Assert.Equal(new CommunityId(9), JsonSerializer.Deserialize<CommunityId>("9"));
        Assert.Null(JsonSerializer.Deserialize<UnitId?>("null"));
    }

    /// <summary>The places, and what names them, hold no id as a bare int: a swap of two such ids would compile.</summary>
    [Theory]
    [InlineData(typeof(District))]
    [InlineData(typeof(Street))]
    [InlineData(typeof(Community))]
    [InlineData(typeof(Grid))]
    [InlineData(typeof(Courtyard))]
    [InlineData(typeof(Building))]
    [InlineData(typeof(Staff))]
    [InlineData(typeof(Case))]
    [InlineData(typeof(Home))]
    public void PlacesAndWhatNamesThem_HoldTypedIds(Type type) =>
        Assert.Empty(type.GetProperties()
            .Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal) && (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(int))
            .Select(p => p.Name));

    /// <summary>Every id type in the domain, found rather than listed, so a new one is checked the day it is added.</summary>
    public static TheoryData<Type> EveryId => [.. typeof(UnitId).Assembly.GetTypes().Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntId<>)))];

    [Theory]
    [MemberData(nameof(EveryId))]
    public void EveryId_IsItsNumber_InTextAndJson_BothWays(Type type)
    {
        var id = Activator.CreateInstance(type, 42)!;

        Assert.Equal("42", id.ToString());
        Assert.Equal("42", JsonSerializer.Serialize(id, type));
        Assert.Equal(id, JsonSerializer.Deserialize("42", type));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"42\"", type));
    }

    [Theory]
    [InlineData("\"9\"")]
    [InlineData("9.5")]
    [InlineData("{}")]
    [InlineData("1e300")]
    public void Json_RefusesAnythingButAWholeNumber(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UnitId>(json));

    [Fact]
    public void Json_DictionaryKeys_AreTheNumbers()
    {
        var json = JsonSerializer.Serialize(new Dictionary<CommunityId, int> { [new CommunityId(2)] = 7 });

        Assert.Equal("""{"2":7}""", json);
        Assert.Equal(7, JsonSerializer.Deserialize<Dictionary<CommunityId, int>>(json)![new CommunityId(2)]);
    }

    [Fact]
    public void Order_IsTheNumbersOrder() =>
        Assert.Equal([new StaffId(-1), new StaffId(2), new StaffId(10)], new[] { new StaffId(10), new StaffId(-1), new StaffId(2) }.Order());
}
