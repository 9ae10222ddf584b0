using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaPulse.Infrastructure.Serialization;

/// <summary>The public JSON shape (camelCase, snake_case enums), shared by the API, outbox payloads and audit entries.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new OptionalJsonConverter());
        return options;
    }
}
