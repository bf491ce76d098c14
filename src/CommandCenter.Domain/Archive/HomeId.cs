using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Archive;

/// <summary>The id of a home (an exclusive unit: a flat, a shop, a garage or a parking space).</summary>
[JsonConverter(typeof(IntIdJsonConverter<HomeId>))]
public readonly record struct HomeId(int Value) : IIntId<HomeId>
{
    public static HomeId From(int value) => new(value);

    public static HomeId Parse(string s, IFormatProvider? provider) => IntId.Parse<HomeId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out HomeId result) => IntId.TryParse(s, out result);

    public int CompareTo(HomeId other) => Value.CompareTo(other.Value);

    public override string ToString() => IntId.Format(Value);
}
