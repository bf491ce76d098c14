using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommandCenter.Domain.Organisation;

/// <summary>The id of a <see cref="Street"/>.</summary>
[JsonConverter(typeof(IntIdJsonConverter<StreetId>))]
public readonly record struct StreetId(int Value) : IIntId<StreetId>
{
    public static StreetId From(int value) => new(value);

    public static StreetId Parse(string s, IFormatProvider? provider) => IntId.Parse<StreetId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out StreetId result) => IntId.TryParse(s, out result);

    public int CompareTo(StreetId other) => Value.CompareTo(other.Value);

    public override string ToString() => IntId.Format(Value);
}
