using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NovaPulse.Sdk.Serialization;

/// <summary>
/// Enums as the strings of the API contract, in both directions: the value of the member's <see cref="EnumMemberAttribute"/>
/// (which the generator writes from the spec, e.g. <c>"in_progress"</c> or <c>"task.created"</c>), else the snake_case name.
/// The generated models use it in place of the default enum converter, whose C# names (<c>InProgress</c>) the API rejects.
/// </summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
public sealed class SnakeCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> ToWire = [];
    private static readonly Dictionary<string, TEnum> FromWire = new(StringComparer.Ordinal);

#pragma warning disable CA1810 // The maps are built once per enum type from its fields.
    static SnakeCaseEnumConverter()
#pragma warning restore CA1810
    {
        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (TEnum)field.GetValue(null)!;
            var wire = field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Name);
            ToWire[value] = wire;
            FromWire[wire] = value;
        }
    }

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(TEnum).Name}, got {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        return FromWire.TryGetValue(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a known {typeof(TEnum).Name} (this SDK knows: {string.Join(", ", FromWire.Keys)}).");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ToWire.TryGetValue(value, out var wire) ? wire : JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));
    }
}
