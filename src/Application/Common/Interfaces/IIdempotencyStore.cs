namespace NovaPulse.Application.Common.Interfaces;

/// <summary>Remembers the first response to a POST with an <c>Idempotency-Key</c> so that retries replay it.</summary>
public interface IIdempotencyStore
{
    /// <summary>Reserves the key; returns the existing record instead when the key was seen before.</summary>
    Task<IdempotencyLookup> TryBeginAsync(string scope, string key, string requestHash, CancellationToken cancellationToken);

    Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Releases a reservation whose request failed on our side, so the client may retry.</summary>
    Task AbandonAsync(string scope, string key, CancellationToken cancellationToken);
}

public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, string? ETag, byte[] Body);

public sealed record IdempotencyLookup(bool IsNew, string? RequestHash, StoredResponse? Response);
