using System.Text.Json.Nodes;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>One operation of the OpenAPI document, as the reliability suites see it.</summary>
public sealed record ApiOperation(
    string Method,
    string Path,
    string RequiredRole,
    IReadOnlyList<ApiParameter> Parameters,
    string? BodyContentType,
    JsonNode? BodySchema)
{
    public bool IsAnonymous => RequiredRole == "anonymous";

    public bool RequiresAdmin => RequiredRole is "admin" or "owner";

    public IEnumerable<ApiParameter> PathParameters => Parameters.Where(p => p.In == "path");

    public IEnumerable<ApiParameter> QueryParameters => Parameters.Where(p => p.In == "query");

    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation of the document, in document order.</summary>
    public static IReadOnlyList<ApiOperation> All(JsonNode document) =>
    [
        .. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op =>
        {
            var operation = op.Value!;
            var parameters = operation["parameters"]?.AsArray().Select(p => new ApiParameter(
                p!["name"]!.GetValue<string>(),
                p["in"]!.GetValue<string>(),
                Schema.Resolve(document, p["schema"]))).ToList() ?? [];
            var content = operation["requestBody"]?["content"]?.AsObject().FirstOrDefault();
            return new ApiOperation(
                op.Key.ToUpperInvariant(),
                path.Key,
                operation["x-required-role"]?.GetValue<string>() ?? "member",
                parameters,
                content?.Key,
                content is { } c ? Schema.Resolve(document, c.Value!["schema"]) : null);
        })),
    ];
}

public sealed record ApiParameter(string Name, string In, JsonNode? Schema);
