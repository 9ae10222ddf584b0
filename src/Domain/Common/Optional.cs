namespace NovaPulse.Domain.Common;

/// <summary>
/// A field of a partial update, the same type from the request body to the entity: absent (leave as is) or present
/// with a value, which may be null ("clear it"). A value converts implicitly, so <c>Title: "New"</c> means present.
/// </summary>
public readonly record struct Optional<T>(bool HasValue, T Value)
{
    public static Optional<T> Absent => default;

    public static Optional<T> Of(T value) => new(true, value);

    public static implicit operator Optional<T>(T value) => Of(value);
}
