using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommandCenter.Domain.Organisation;

/// <summary>The id of a <see cref="HandlingUnit"/>.</summary>
[JsonConverter(typeof(IntIdJsonConverter<UnitId>))]
public readonly record struct UnitId(int Value) : IIntId<UnitId>
{
    public static UnitId From(int value) => new(value);

    public static UnitId Parse(string s, IFormatProvider? provider) => IntId.Parse<UnitId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out UnitId result) => IntId.TryParse(s, out result);

    public int CompareTo(UnitId other) => Value.CompareTo(other.Value);

    public override string ToString() => IntId.Format(Value);
}
