namespace NovaPulse.Application.Common.Exceptions;

/// <summary>
/// The class of a client-facing failure. Each kind has one HTTP status, title and default <c>code</c>, in WebApi's
/// <c>ErrorTable</c>; the use cases say what went wrong, not how HTTP spells it.
/// </summary>
public enum ErrorKind
{
    /// <summary>The request as a whole is unusable (400), e.g. a webhook without a valid signature.</summary>
    BadRequest,

    /// <summary>Credentials missing, wrong or revoked (401).</summary>
    Unauthenticated,

    /// <summary>A plan limit is reached (402); the error carries usage, limit and the plan that lifts it.</summary>
    LimitReached,

    /// <summary>Authenticated, but not allowed: the role, or a forged or expired signed URL (403).</summary>
    Forbidden,

    /// <summary>Does not exist for this caller; another company's ids land here too, so existence does not leak (404).</summary>
    NotFound,

    /// <summary>Clashes with existing state, e.g. a duplicate email (409).</summary>
    Conflict,

    /// <summary>
    /// An optional provider this deployment has not configured (409): the deployment's state, not an outage; the same
    /// request fails the same way until an operator adds the settings, so clients must not retry.
    /// </summary>
    NotConfigured,

    /// <summary>Existed once but is no longer kept (410), e.g. an event older than the retention.</summary>
    Gone,

    /// <summary>The client's <c>If-Match</c> version is stale (412).</summary>
    PreconditionFailed,

    /// <summary>The file, or another part of the request, is larger than allowed (413).</summary>
    TooLarge,

    /// <summary>The content is not an allowed type, or contradicts the declared type (415).</summary>
    UnsupportedMediaType,

    /// <summary>Well-formed, but its content is refused in this deployment, e.g. a plain-http Slack URL (422).</summary>
    Unprocessable,

    /// <summary>The caller must wait before trying again (429 with Retry-After).</summary>
    TooManyAttempts,

    /// <summary>A provider answered with an error (502).</summary>
    ProviderFailed,

    /// <summary>A provider is unreachable or timed out (503); retry later.</summary>
    ProviderUnavailable,
}
