using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommandCenter.Domain.Organisation;

/// <summary>The id of a <see cref="Courtyard"/>.</summary>
[JsonConverter(typeof(IntIdJsonConverter<CourtyardId>))]
public readonly record struct CourtyardId(int Value) : IIntId<CourtyardId>
{
    public static CourtyardId From(int value) => new(value);

    public static CourtyardId Parse(string s, IFormatProvider? provider) => IntId.Parse<CourtyardId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CourtyardId result) => IntId.TryParse(s, out result);

    public int CompareTo(CourtyardId other) => Value.CompareTo(other.Value);

    public override string ToString() => IntId.Format(Value);
}
