using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommandCenter.Domain.Organisation;

/// <summary>The id of a <see cref="Community"/>.</summary>
[JsonConverter(typeof(IntIdJsonConverter<CommunityId>))]
public readonly record struct CommunityId(int Value) : IIntId<CommunityId>
{
    public static CommunityId From(int value) => new(value);

    public static CommunityId Parse(string s, IFormatProvider? provider) => IntId.Parse<CommunityId>(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CommunityId result) => IntId.TryParse(s, out result);

    public int CompareTo(CommunityId other) => Value.CompareTo(other.Value);

    public override string ToString() => IntId.Format(Value);
}
