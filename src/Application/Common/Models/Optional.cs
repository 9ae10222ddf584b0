namespace NovaPulse.Application.Common.Models;

/// <summary>A field of a partial update: absent (leave as is) or present with a value, which may be null.</summary>
public readonly record struct Optional<T>(bool HasValue, T Value)
{
    public static Optional<T> Absent => default;

    public static Optional<T> Of(T value) => new(true, value);
}
