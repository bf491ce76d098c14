using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommandCenter.Domain.Organisation;

/// <summary>The id of a <see cref="Building"/>.</summary>
[JsonConverter(typeof(IntIdJsonConverter<BuildingId>))]
public readonly record struct BuildingId(int Value) : IIntId<BuildingId>
{
    public static BuildingId From(int value) => new(value);

    public static BuildingId Parse(string s, IFormatProvider? provider) => IntId.Parse<BuildingId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out BuildingId result) => IntId.TryParse(s, out result);

    public int CompareTo(BuildingId other) => Value.CompareTo(other.Value);

    public override string ToString() => IntId.Format(Value);
}
