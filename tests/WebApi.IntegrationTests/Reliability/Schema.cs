using System.Globalization;
using System.Text.Json.Nodes;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>Reads OpenAPI schemas: follows $ref and unwraps NSwag's nullable oneOf wrappers; builds valid sample values.</summary>
public static class Schema
{
    public static JsonNode? Resolve(JsonNode document, JsonNode? schema)
    {
        for (var depth = 0; schema is not null && depth < 10; depth++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/')[^1]];
            }
            else if (schema["oneOf"] is JsonArray { Count: 1 } one)
            {
                schema = one[0];
            }
            else if (schema["allOf"] is JsonArray { Count: 1 } all)
            {
                schema = all[0];
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }

    public static bool IsNullable(JsonNode? schema) => schema?["nullable"]?.GetValue<bool>() == true;

    public static string TypeOf(JsonNode document, JsonNode? schema)
    {
        var resolved = Resolve(document, schema);
        if (resolved?["enum"] is not null)
        {
            return "enum";
        }

        return resolved?["type"]?.GetValue<string>() ?? "object";
    }

    /// <summary>A value the API accepts for this schema: non-nullable properties only, plausible by name.</summary>
    public static JsonNode? Sample(JsonNode document, JsonNode? schema, string name = "")
    {
        var resolved = Resolve(document, schema);
        if (resolved is null)
        {
            return null;
        }

        if (resolved["enum"] is JsonArray values)
        {
            return values[0]!.DeepClone();
        }

        var lower = name.ToLowerInvariant();
        return TypeOf(document, resolved) switch
        {
            "string" when resolved["format"]?.GetValue<string>() is "guid" or "uuid" => Guid.NewGuid().ToString(),
            "string" when resolved["format"]?.GetValue<string>() == "date-time" => DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture),
            "string" when lower.Contains("email", StringComparison.Ordinal) => $"fuzz-{Guid.NewGuid():N}@example.test",
            "string" when lower.Contains("password", StringComparison.Ordinal) => "Sample-pass-123",
            "string" when lower.Contains("url", StringComparison.Ordinal) => "https://example.com/hook",
            "string" => "sample " + name,
            "integer" or "number" => 1,
            "boolean" => false,
            "array" => new JsonArray(),
            _ => SampleObject(document, resolved),
        };
    }

    public static IEnumerable<(string Name, JsonNode? Schema)> Properties(JsonNode document, JsonNode? schema) =>
        Resolve(document, schema)?["properties"]?.AsObject().Select(p => (p.Key, (JsonNode?)p.Value)) ?? [];

    private static JsonObject SampleObject(JsonNode document, JsonNode schema)
    {
        var sample = new JsonObject();
        foreach (var (name, property) in Properties(document, schema))
        {
            if (!IsNullable(property) && !IsNullable(Resolve(document, property)))
            {
                sample[name] = Sample(document, property, name);
            }
        }

        return sample;
    }
}
