using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cybercrime.Platform.Http;

/// <summary>
/// Lists each enum's wire names (<c>digital-forensics</c>) in the OpenAPI document. The contracts'
/// own converter writes enums as kebab-case strings, which the schema generator cannot see through,
/// so without this every enum appeared as an empty schema and the API reference showed no values.
/// </summary>
internal static class OpenApiEnums
{
    public static void Configure(OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var nullable = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type);
            var type = nullable ?? context.JsonTypeInfo.Type;
            if (type.IsEnum)
            {
                schema.Type = nullable is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(JsonNamingPolicy.KebabCaseLower.ConvertName(name)))];
            }

            return Task.CompletedTask;
        });
}
