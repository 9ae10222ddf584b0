using NovaPulse.Domain.Common;

namespace NovaPulse.Infrastructure.Idempotency;

/// <summary>A POST seen with an Idempotency-Key: the request's hash and, once finished, its response.</summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; init; } = SequentialId.New();

    /// <summary>Who sent it (company and principal), so keys of different callers never collide.</summary>
    public string Scope { get; init; } = "";

    public string Key { get; init; } = "";

    public string RequestHash { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public byte[]? Body { get; set; }
}
