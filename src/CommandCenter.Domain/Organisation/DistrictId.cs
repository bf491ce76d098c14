using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommandCenter.Domain.Organisation;

/// <summary>The id of a <see cref="District"/>.</summary>
[JsonConverter(typeof(IntIdJsonConverter<DistrictId>))]
public readonly record struct DistrictId(int Value) : IIntId<DistrictId>
{
    public static DistrictId From(int value) => new(value);

    public static DistrictId Parse(string s, IFormatProvider? provider) => IntId.Parse<DistrictId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out DistrictId result) => IntId.TryParse(s, out result);

    public int CompareTo(DistrictId other) => Value.CompareTo(other.Value);

    public override string ToString() => IntId.Format(Value);
}
