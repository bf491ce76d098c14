using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Archive;

/// <summary>The id of a resident of a home.</summary>
[JsonConverter(typeof(IntIdJsonConverter<ResidentId>))]
public readonly record struct ResidentId(int Value) : IIntId<ResidentId>
{
    public static ResidentId From(int value) => new(value);

    public static ResidentId Parse(string s, IFormatProvider? provider) => IntId.Parse<ResidentId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ResidentId result) => IntId.TryParse(s, out result);

    public int CompareTo(ResidentId other) => Value.CompareTo(other.Value);

    public override string ToString() => IntId.Format(Value);
}
