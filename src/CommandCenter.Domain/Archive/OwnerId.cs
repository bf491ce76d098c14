using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Archive;

/// <summary>The id of a owner of one or more homes.</summary>
[JsonConverter(typeof(IntIdJsonConverter<OwnerId>))]
public readonly record struct OwnerId(int Value) : IIntId<OwnerId>
{
    public static OwnerId From(int value) => new(value);

    public static OwnerId Parse(string s, IFormatProvider? provider) => IntId.Parse<OwnerId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out OwnerId result) => IntId.TryParse(s, out result);

    public int CompareTo(OwnerId other) => Value.CompareTo(other.Value);

    public override string ToString() => IntId.Format(Value);
}
