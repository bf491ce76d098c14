using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommandCenter.Domain.Organisation;

/// <summary>The id of a <see cref="Staff"/> member.</summary>
[JsonConverter(typeof(IntIdJsonConverter<StaffId>))]
public readonly record struct StaffId(int Value) : IIntId<StaffId>
{
    public static StaffId From(int value) => new(value);

    public static StaffId Parse(string s, IFormatProvider? provider) => IntId.Parse<StaffId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out StaffId result) => IntId.TryParse(s, out result);

    public int CompareTo(StaffId other) => Value.CompareTo(other.Value);

    public override string ToString() => IntId.Format(Value);
}
