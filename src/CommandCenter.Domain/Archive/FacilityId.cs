using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommandCenter.Domain.Archive;

/// <summary>
/// The id of a facility row as a case names it. A long, as the facility's own key is: the other typed ids wrap ints
/// (<see cref="Organisation.IIntId{TSelf}"/>), so this one has its own parsing and JSON number.
/// </summary>
[JsonConverter(typeof(FacilityIdJsonConverter))]
public readonly record struct FacilityId(long Value) : IParsable<FacilityId>
{
    public static FacilityId Parse(string s, IFormatProvider? provider) => new(long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out FacilityId result)
    {
        var parsed = long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value);
        result = new(value);
        return parsed;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Writes the id as the JSON number the facility endpoints answer with; anything but a whole number is unreadable.</summary>
public sealed class FacilityIdJsonConverter : JsonConverter<FacilityId>
{
    public override FacilityId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
            ? new(value)
            : throw new JsonException("A facility id must be a whole number.");

    public override void Write(Utf8JsonWriter writer, FacilityId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
