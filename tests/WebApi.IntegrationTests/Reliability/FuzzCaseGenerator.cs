using System.Text;
using System.Text.Json.Nodes;

namespace NovaPulse.WebApi.IntegrationTests.Reliability;

/// <summary>Schema-driven hostile inputs for one operation; deterministic for a given seed.</summary>
public sealed class FuzzCaseGenerator(JsonNode document, int seed)
{
    private static readonly string[] HostileStrings =
    [
        "", " ", new('x', 100_000), "\u0000", "\u202Eevil\u202C", "😀👩‍👩‍👧‍👦", "\ud800", "' OR 1=1 --", "<script>alert(1)</script>",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "${jndi:ldap://x}", "\r\nX-Injected: yes",
    ];

    private static readonly string[] HostileIds = ["..%2F..%2Fetc%2Fpasswd", "%00", new('9', 500), "00000000-0000-0000-0000-000000000000", "-1", "null"];

    private readonly Random _random = new(seed);

    public IReadOnlyList<FuzzCase> Generate(ApiOperation operation, string validPath, int maxCases)
    {
        var cases = new List<FuzzCase>();
        cases.AddRange(PathCases(operation));
        cases.AddRange(QueryCases(operation, validPath));
        cases.AddRange(HeaderCases(validPath, operation.BodySchema is null ? null : Schema.Sample(document, operation.BodySchema)));
        if (operation.BodyContentType == "application/json")
        {
            cases.AddRange(BodyCases(operation, validPath));
        }

        // A fixed subset per operation keeps CI time bounded; a larger maxCases explores more.
        return [.. cases.OrderBy(_ => _random.Next()).Take(maxCases)];
    }

    private IEnumerable<FuzzCase> PathCases(ApiOperation operation)
    {
        foreach (var parameter in operation.PathParameters)
        {
            foreach (var id in HostileIds)
            {
                var path = operation.Path.Replace("{" + parameter.Name + "}", id, StringComparison.Ordinal);
                yield return new($"path {parameter.Name}={Short(id)}", path, BodyFor(operation), NoHeaders);
            }
        }
    }

    private IEnumerable<FuzzCase> QueryCases(ApiOperation operation, string validPath)
    {
        foreach (var parameter in operation.QueryParameters)
        {
            var type = Schema.TypeOf(document, parameter.Schema);
            string[] values = type switch
            {
                "integer" => ["-1", "0", "99999999999999999999", "abc", "1.5"],
                "enum" => ["NOT_A_VALUE", "1", ""],
                "string" when Schema.Resolve(document, parameter.Schema)?["format"] is not null => ["not-a-value", "9999-99-99", new('x', 5000)],
                _ => [new('x', 5000), "%00", "' OR 1=1 --", "\u202E"],
            };
            foreach (var value in values)
            {
                yield return new($"query {parameter.Name}={Short(value)}", $"{validPath}?{parameter.Name}={Uri.EscapeDataString(value)}", BodyFor(operation), NoHeaders);
            }
        }
    }

    private static IEnumerable<FuzzCase> HeaderCases(string validPath, JsonNode? body)
    {
        HttpContent? Content() => body is null ? null : FuzzCase.Json(body);
        yield return new("Idempotency-Key too long", validPath, Content(), new Dictionary<string, string> { ["Idempotency-Key"] = new('k', 300) });
        yield return new("X-Request-Id injection", validPath, Content(), new Dictionary<string, string> { ["X-Request-Id"] = "abc\"><script>" });
        yield return new("If-Match garbage", validPath, Content(), new Dictionary<string, string> { ["If-Match"] = "W/\"\u00ff\"" });
        yield return new("Authorization garbage", validPath, Content(), new Dictionary<string, string> { ["X-Api-Key"] = "np_" + new string('z', 2000) });
    }

    private IEnumerable<FuzzCase> BodyCases(ApiOperation operation, string path)
    {
        var valid = Schema.Sample(document, operation.BodySchema) as JsonObject ?? [];
        yield return new("malformed JSON", path, FuzzCase.Json("{\"a\":"), NoHeaders);
        yield return new("JSON array body", path, FuzzCase.Json("[1,2]"), NoHeaders);
        yield return new("JSON null body", path, FuzzCase.Json("null"), NoHeaders);
        yield return new("empty object", path, FuzzCase.Json("{}"), NoHeaders);
        yield return new("wrong content type", path, new StringContent(valid.ToJsonString(), Encoding.UTF8, "text/plain"), NoHeaders);
        yield return new("form content type", path, new StringContent("a=b", Encoding.UTF8, "application/x-www-form-urlencoded"), NoHeaders);
        yield return new("oversize body", path, FuzzCase.Json("{\"x\":\"" + new string('a', 2 * 1024 * 1024) + "\"}"), NoHeaders);
        yield return new("deeply nested", path, FuzzCase.Json(new string('[', 5000) + new string(']', 5000)), NoHeaders);
        var extra = (JsonObject)valid.DeepClone();
        extra["unexpectedField"] = "x";
        extra["companyId"] = Guid.NewGuid().ToString();
        yield return new("extra fields", path, FuzzCase.Json(extra), NoHeaders);

        foreach (var (name, property) in Schema.Properties(document, operation.BodySchema))
        {
            var type = Schema.TypeOf(document, property);
            JsonNode?[] wrongs = type switch
            {
                "string" => [12345, true, new JsonObject(), new JsonArray()],
                "integer" or "number" => ["abc", -1, long.MaxValue, 1e308],
                "boolean" => ["yes", 1],
                "array" => ["not-an-array", new JsonArray(1, 2), new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode?)("t" + i))])],
                "enum" => ["NOT_AN_ENUM_VALUE", 99, ""],
                _ => ["not-an-object", 1],
            };
            foreach (var wrong in wrongs)
            {
                var mutated = (JsonObject)valid.DeepClone();
                mutated[name] = wrong?.DeepClone();
                yield return new($"{name} as {Short(wrong?.ToJsonString() ?? "null")}", path, FuzzCase.Json(mutated), NoHeaders);
            }

            if (type == "string")
            {
                foreach (var hostile in HostileStrings)
                {
                    var mutated = (JsonObject)valid.DeepClone();
                    mutated[name] = hostile;
                    yield return new($"{name}={Short(hostile)}", path, FuzzCase.Json(mutated), NoHeaders);
                }
            }

            var missing = (JsonObject)valid.DeepClone();
            missing.Remove(name);
            yield return new($"{name} missing", path, FuzzCase.Json(missing), NoHeaders);
        }
    }

    private StringContent? BodyFor(ApiOperation operation) =>
        operation.BodyContentType == "application/json" ? FuzzCase.Json(Schema.Sample(document, operation.BodySchema) ?? new JsonObject()) : null;

    private static string Short(string value)
    {
        var printable = new StringBuilder();
        foreach (var c in value.Take(24))
        {
            printable.Append(char.IsControl(c) ? '?' : c);
        }

        return value.Length > 24 ? printable + $"…({value.Length})" : printable.ToString();
    }

    private static readonly Dictionary<string, string> NoHeaders = [];
}
