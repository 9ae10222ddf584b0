using System.Text.Json;
using System.Text.Json.Serialization;
using NovaPulse.Domain.Common;

namespace NovaPulse.Infrastructure.Serialization;

/// <summary>
/// Reads a partial update's <see cref="Optional{T}"/> properties: the serializer calls a converter only for a property
/// the JSON contains, so a missing one stays <see cref="Optional{T}.Absent"/> and a sent one (null included) is present.
/// </summary>
public sealed class OptionalJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ValueConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ValueConverter<T> : JsonConverter<Optional<T>>
    {
        // A JSON null is a value ("clear it"), not an absence, so this converter sees it too.
        public override bool HandleNull => true;

        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null && default(T) is null)
            {
                return Optional<T>.Of(default!);
            }

            // The value's own converter, called directly, so a bad value is reported at this property's path ($.status).
            var converter = (JsonConverter<T>)options.GetConverter(typeof(T));
            return Optional<T>.Of(converter.Read(ref reader, typeof(T), options)!);
        }

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
