namespace NovaPulse.Application.Common.Exceptions;

/// <summary>
/// The one error a use case raises for its caller: a <see cref="Kind"/> (which becomes the HTTP status) and a stable
/// machine-readable <see cref="Code"/> (the ProblemDetails <c>code</c>, listed in docs/ERRORS.md). Clients depend on the
/// codes: never rename one.
/// </summary>
public sealed class AppException : Exception
{
    private AppException(ErrorKind kind, string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Code = code;
    }

    public ErrorKind Kind { get; }

    public string Code { get; }

    /// <summary>Further ProblemDetails members, in order (<c>usage</c>, <c>limit</c>, <c>plan</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Details { get; private init; } = [];

    /// <summary>For <see cref="ErrorKind.TooManyAttempts"/>: when the caller may try again.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    public static AppException BadRequest(string code, string message) => new(ErrorKind.BadRequest, code, message);

    public static AppException Unauthenticated(string message) => new(ErrorKind.Unauthenticated, ErrorCodes.Unauthenticated, message);

    /// <summary>A plan limit: <paramref name="code"/> names it (e.g. <c>seat_limit_reached</c>); <paramref name="liftedBy"/> is the first plan above it.</summary>
    public static AppException LimitReached(string code, string message, long usage, long limit, string? liftedBy) =>
        new(ErrorKind.LimitReached, code, message) { Details = [new("usage", usage), new("limit", limit), new("plan", liftedBy)] };

    public static AppException Forbidden(string message) => new(ErrorKind.Forbidden, ErrorCodes.Forbidden, message);

    /// <summary>A signed URL was forged, tampered with or has expired.</summary>
    public static AppException InvalidSignature(string message) => new(ErrorKind.Forbidden, ErrorCodes.InvalidSignature, message);

    public static AppException NotFound(string resource, object key) =>
        new(ErrorKind.NotFound, ErrorCodes.NotFound, $"{resource} '{key}' was not found.");

    public static AppException Conflict(string message) => new(ErrorKind.Conflict, ErrorCodes.Conflict, message);

    /// <summary>An optional provider is not configured; <paramref name="code"/> names it, e.g. <see cref="ErrorCodes.BillingNotConfigured"/>.</summary>
    public static AppException NotConfigured(string code, string message) => new(ErrorKind.NotConfigured, code, message);

    /// <summary>A paid operation while no payment provider is configured; the Free plan keeps working.</summary>
    public static AppException BillingNotConfigured() => NotConfigured(ErrorCodes.BillingNotConfigured, "The billing provider is not configured.");

    public static AppException Gone(string code, string message) => new(ErrorKind.Gone, code, message);

    public static AppException PreconditionFailed(string message, Exception? inner = null) =>
        new(ErrorKind.PreconditionFailed, ErrorCodes.PreconditionFailed, message, inner);

    /// <summary>A save without a precondition that lost a race to a concurrent one.</summary>
    public static AppException ConcurrentChange(Exception inner) =>
        new(ErrorKind.Conflict, "concurrent_change", "The resource was changed by a concurrent request; reload it and retry.", inner);

    public static AppException TooLarge(long limit, string? message = null, string code = ErrorCodes.PayloadTooLarge) =>
        new(ErrorKind.TooLarge, code, message ?? $"The file exceeds the limit of {limit} bytes.") { Details = [new("limit", limit)] };

    public static AppException UnsupportedMediaType(string message) => new(ErrorKind.UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, message);

    public static AppException Unprocessable(string message) => new(ErrorKind.Unprocessable, ErrorCodes.Unprocessable, message);

    public static AppException TooManyAttempts(string message, TimeSpan retryAfter) =>
        new(ErrorKind.TooManyAttempts, ErrorCodes.TooManyAttempts, message) { RetryAfter = retryAfter };

    /// <summary>A concurrency limit (e.g. open event streams): <paramref name="code"/> and <paramref name="limit"/> name it.</summary>
    public static AppException ConcurrencyLimit(string code, string message, TimeSpan retryAfter, long limit) =>
        new(ErrorKind.TooManyAttempts, code, message) { RetryAfter = retryAfter, Details = [new("limit", limit)] };

    /// <summary>The payment provider failed: unreachable or timed out (<paramref name="transient"/>, 503) or answered with an error (502).</summary>
    public static AppException PaymentProvider(string message, bool transient, Exception? inner = null) => transient
        ? new(ErrorKind.ProviderUnavailable, ErrorCodes.BillingProviderUnavailable, message, inner)
        : new(ErrorKind.ProviderFailed, ErrorCodes.BillingProviderError, message, inner);
}
