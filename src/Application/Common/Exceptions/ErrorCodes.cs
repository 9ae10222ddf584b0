namespace NovaPulse.Application.Common.Exceptions;

/// <summary>
/// The ProblemDetails <c>code</c>s more than one place raises: each kind's default and the providers'. Codes a single
/// use case raises are written where it raises them. All of them are listed, with their status, in docs/ERRORS.md.
/// </summary>
public static class ErrorCodes
{
    public const string BadRequest = "bad_request";
    public const string ValidationFailed = "validation_failed";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string InvalidSignature = "invalid_signature";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string PreconditionFailed = "precondition_failed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Unprocessable = "unprocessable";
    public const string TooManyAttempts = "too_many_attempts";
    public const string ServiceUnavailable = "service_unavailable";
    public const string InternalError = "internal_error";

    public const string BillingNotConfigured = "billing_not_configured";
    public const string GoogleNotConfigured = "google_not_configured";
    public const string BillingProviderUnavailable = "billing_provider_unavailable";
    public const string BillingProviderError = "billing_provider_error";
}
