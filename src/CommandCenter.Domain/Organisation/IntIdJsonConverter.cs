using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommandCenter.Domain.Organisation;

/// <summary>Writes a typed id as the JSON number it was before it had a type, so no client sees a change.</summary>
public sealed class IntIdJsonConverter<TId> : JsonConverter<TId> where TId : struct, IIntId<TId>
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? TId.From(value)
            : throw new JsonException($"An id of type {typeof(TId).Name} must be a whole number.");

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);

    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TId.TryParse(reader.GetString(), CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new JsonException($"An id of type {typeof(TId).Name} must be a whole number.");

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WritePropertyName(IntId.Format(value.Value));
}
