using System.Text.Json.Nodes;

namespace NovaPulse.WebApi.IntegrationTests.Contract;

/// <summary>
/// What a client generated from a previous contract would lose in the current one: removed or renamed
/// operations (method + path, operationId), parameters, schemas, properties and enum values. Additions never break.
/// </summary>
public static class OpenApiBreakingChanges
{
    public static IReadOnlyList<string> Find(JsonNode previous, JsonNode current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var changes = new List<string>();
        var currentOperations = Operations(current);
        foreach (var (key, operation) in Operations(previous))
        {
            if (!currentOperations.TryGetValue(key, out var now))
            {
                changes.Add($"operation {key} removed");
                continue;
            }

            var id = operation["operationId"]?.GetValue<string>();
            var newId = now["operationId"]?.GetValue<string>();
            if (id is not null && id != newId)
            {
                changes.Add($"operation {key}: operationId {id} renamed to {newId}");
            }

            var parameters = Parameters(now);
            changes.AddRange(Parameters(operation).Except(parameters).Select(p => $"operation {key}: parameter {p} removed"));
        }

        var currentSchemas = current["components"]?["schemas"]?.AsObject();
        foreach (var (name, schema) in previous["components"]?["schemas"]?.AsObject() ?? [])
        {
            if (currentSchemas?[name] is not { } now)
            {
                changes.Add($"schema {name} removed");
                continue;
            }

            var properties = now["properties"]?.AsObject();
            foreach (var (property, definition) in schema!["properties"]?.AsObject() ?? [])
            {
                if (properties?[property] is not { } nowProperty)
                {
                    changes.Add($"schema {name}: property {property} removed");
                    continue;
                }

                changes.AddRange(EnumValuesRemoved($"schema {name}.{property}", definition, nowProperty));
            }

            changes.AddRange(EnumValuesRemoved($"schema {name}", schema, now));
        }

        return changes;
    }

    /// <summary>The breaking changes, or none when <c>info.version</c> changed (a deliberate new version).</summary>
    public static IReadOnlyList<string> Unannounced(JsonNode previous, JsonNode current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = previous["info"]?["version"]?.GetValue<string>();
        var after = current["info"]?["version"]?.GetValue<string>();
        return before != after ? [] : Find(previous, current);
    }

    private static Dictionary<string, JsonNode> Operations(JsonNode document)
    {
        var operations = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject)
                {
                    operations[$"{method.ToUpperInvariant()} {path}"] = operation;
                }
            }
        }

        return operations;
    }

    private static HashSet<string> Parameters(JsonNode operation) =>
    [
        .. (operation["parameters"]?.AsArray() ?? []).Where(p => p?["name"] is not null)
            .Select(p => $"{p!["in"]?.GetValue<string>()}:{p["name"]!.GetValue<string>()}"),
    ];

    /// <summary>Enum values present in <paramref name="before"/> (its own <c>enum</c> or its array items') and gone in <paramref name="after"/>.</summary>
    private static IEnumerable<string> EnumValuesRemoved(string where, JsonNode? before, JsonNode? after)
    {
        var old = EnumValues(before);
        if (old.Count == 0)
        {
            return [];
        }

        var now = EnumValues(after);
        return old.Except(now).Select(v => $"{where}: enum value {v} removed");
    }

    private static HashSet<string> EnumValues(JsonNode? schema) =>
    [
        .. (schema?["enum"]?.AsArray() ?? []).Concat(schema?["items"]?["enum"]?.AsArray() ?? []).Select(v => v?.ToJsonString() ?? "null"),
    ];
}
