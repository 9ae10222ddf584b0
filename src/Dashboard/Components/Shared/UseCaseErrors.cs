using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Domain.Common;

namespace NovaPulse.Dashboard.Components.Shared;

/// <summary>
/// The message to show for a use case's client error (what the API turns into a 4xx ProblemDetails); null for an
/// unexpected exception, which the caller lets propagate to the error boundary.
/// </summary>
public static class UseCaseErrors
{
    public static string? MessageFor(Exception exception) => exception switch
    {
        FluentValidation.ValidationException validation =>
            string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal)),
        AppException { Kind: ErrorKind.NotFound } => "It no longer exists: someone may have deleted it. Reload the page.",
        AppException { Kind: ErrorKind.Forbidden, Code: ErrorCodes.Forbidden } or DomainAccessException => "Your role does not allow this. Ask an admin or the owner.",
        AppException { Kind: ErrorKind.PreconditionFailed } => "Someone changed it meanwhile. Reload and try again.",
        AppException
        {
            Kind: ErrorKind.Conflict or ErrorKind.LimitReached or ErrorKind.TooLarge or ErrorKind.UnsupportedMediaType
            or ErrorKind.Unauthenticated or ErrorKind.TooManyAttempts,
        } or DomainRuleException => exception.Message,
        _ => null,
    };
}
