using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommandCenter.Web.Api;

/// <summary>
/// Describes the typed ids (<see cref="IIntId{TSelf}"/>, and the long <see cref="FacilityId"/>) as the integers they are on the wire:
/// left alone, the document shows them as strings (query parameters) or as empty shared schemas (bodies).
/// </summary>
internal sealed class IntIdSchemaTransformer : IOpenApiSchemaTransformer
{
    public static void AddTo(OpenApiOptions options)
    {
        // Inline, so each use is described where it stands (a shared schema would stay empty).
        var referenceId = options.CreateSchemaReferenceId;
        options.CreateSchemaReferenceId = type => IsId(type.Type) ? null : referenceId(type);
        options.AddSchemaTransformer<IntIdSchemaTransformer>();
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // A query or route parameter is described as the string it is parsed from, so its own type says what it is.
        if (context.JsonPropertyInfo is null && context.ParameterDescription is { } parameter)
        {
            if (IsId(parameter.Type)) Describe(schema, JsonSchemaType.Integer, parameter.Type);
        }
        else if (IsId(context.JsonTypeInfo.Type))
        {
            var type = context.JsonTypeInfo.Type;
            Describe(schema, Nullable.GetUnderlyingType(type) is null ? JsonSchemaType.Integer : JsonSchemaType.Integer | JsonSchemaType.Null, type);
        }
        else if (context.JsonTypeInfo.ElementType is { } element && IsId(element))
        {
            schema.Items = Describe(new OpenApiSchema(), JsonSchemaType.Integer, element);
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Describe(OpenApiSchema schema, JsonSchemaType type, Type id)
    {
        schema.Type = type;
        schema.Format = IsFacilityId(id) ? "int64" : "int32";
        schema.Pattern = null;
        return schema;
    }

    private static bool IsId(Type type) =>
        IsFacilityId(type) || (Nullable.GetUnderlyingType(type) ?? type).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntId<>));

    private static bool IsFacilityId(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(FacilityId);
}
