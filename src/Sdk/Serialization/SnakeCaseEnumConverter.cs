using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaPulse.Sdk.Serialization;

/// <summary>
/// Enums as the snake_case strings of the API contract (<c>InProgress</c> is <c>"in_progress"</c>), in both directions.
/// The generated models use it in place of the default enum converter.
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
public sealed class SnakeCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Snake_case names; integers are rejected.</summary>
    public SnakeCaseEnumConverter()
        : base(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    {
    }
}
