using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommandCenter.Domain.Organisation;

/// <summary>The id of a <see cref="Grid"/>.</summary>
[JsonConverter(typeof(IntIdJsonConverter<GridId>))]
public readonly record struct GridId(int Value) : IIntId<GridId>
{
    public static GridId From(int value) => new(value);

    public static GridId Parse(string s, IFormatProvider? provider) => IntId.Parse<GridId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out GridId result) => IntId.TryParse(s, out result);

    public int CompareTo(GridId other) => Value.CompareTo(other.Value);

    public override string ToString() => IntId.Format(Value);
}
