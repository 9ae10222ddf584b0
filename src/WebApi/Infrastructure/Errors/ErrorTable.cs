using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using NovaPulse.Application.Common.Exceptions;

namespace NovaPulse.WebApi.Infrastructure.Errors;

/// <summary>
/// How each kind of error reads over HTTP: status, title and the <c>code</c> used when nothing more specific names it.
/// The one table: exceptions (<see cref="ProblemDetailsExceptionHandler"/>) and the framework's own answers (401 challenges,
/// unknown routes, model binding) take their status and code from here. docs/ERRORS.md lists every code.
/// </summary>
public static partial class ErrorTable
{
    private static readonly Dictionary<ErrorKind, (int Status, string Title, string Code)> Kinds = new()
    {
        [ErrorKind.BadRequest] = (StatusCodes.Status400BadRequest, "Bad request", ErrorCodes.BadRequest),
        [ErrorKind.Unauthenticated] = (StatusCodes.Status401Unauthorized, "Unauthorized", ErrorCodes.Unauthenticated),
        [ErrorKind.LimitReached] = (StatusCodes.Status402PaymentRequired, "Plan limit reached", "plan_limit_reached"),
        [ErrorKind.Forbidden] = (StatusCodes.Status403Forbidden, "Forbidden", ErrorCodes.Forbidden),
        [ErrorKind.NotFound] = (StatusCodes.Status404NotFound, "Not found", ErrorCodes.NotFound),
        [ErrorKind.Conflict] = (StatusCodes.Status409Conflict, "Conflict", ErrorCodes.Conflict),
        // 409, not 503: a deployment's missing settings are its state, not an outage; retrying cannot help (docs/BILLING.md).
        [ErrorKind.NotConfigured] = (StatusCodes.Status409Conflict, "Not configured", "not_configured"),
        [ErrorKind.Gone] = (StatusCodes.Status410Gone, "Gone", "gone"),
        [ErrorKind.PreconditionFailed] = (StatusCodes.Status412PreconditionFailed, "Precondition failed", ErrorCodes.PreconditionFailed),
        [ErrorKind.TooLarge] = (StatusCodes.Status413PayloadTooLarge, "Payload too large", ErrorCodes.PayloadTooLarge),
        [ErrorKind.UnsupportedMediaType] = (StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", ErrorCodes.UnsupportedMediaType),
        [ErrorKind.Unprocessable] = (StatusCodes.Status422UnprocessableEntity, "Unprocessable entity", ErrorCodes.Unprocessable),
        [ErrorKind.TooManyAttempts] = (StatusCodes.Status429TooManyRequests, "Too many requests", ErrorCodes.TooManyAttempts),
        [ErrorKind.ProviderFailed] = (StatusCodes.Status502BadGateway, "Bad gateway", "bad_gateway"),
        [ErrorKind.ProviderUnavailable] = (StatusCodes.Status503ServiceUnavailable, "Service unavailable", ErrorCodes.ServiceUnavailable),
    };

    /// <summary>The answer for an error of <paramref name="kind"/>; <paramref name="code"/> defaults to the kind's.</summary>
    public static ProblemDetails Problem(ErrorKind kind, string detail, string? code = null)
    {
        var (status, title, fallback) = Kinds[kind];
        return new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code ?? fallback } };
    }

    /// <summary>The code for an answer that has none of its own: its kind's (the first kind with that status), else its reason phrase.</summary>
    public static string CodeFor(ProblemDetails problem) => problem switch
    {
        ValidationProblemDetails => ErrorCodes.ValidationFailed,
        { Status: StatusCodes.Status500InternalServerError or null } => ErrorCodes.InternalError,
        { Status: { } status } => Kinds.Values.Where(k => k.Status == status).Select(k => k.Code).FirstOrDefault()
            ?? NotWordCharacters().Replace(ReasonPhrases.GetReasonPhrase(status), "_").Trim('_').ToLowerInvariant(),
    };

    /// <summary>Adds the <c>code</c> of an answer that has none (the framework's own 401, 404, 405, model binding 400...).</summary>
    public static void EnsureCode(ProblemDetails problem) => problem.Extensions.TryAdd("code", CodeFor(problem));

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotWordCharacters();
}
