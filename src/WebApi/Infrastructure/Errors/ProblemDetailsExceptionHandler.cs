using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Domain.Common;
using Polly;

namespace NovaPulse.WebApi.Infrastructure.Errors;

/// <summary>
/// The single place where exceptions become HTTP answers: client errors map to their 4xx ProblemDetails,
/// anything else to a 500 without details (the middleware logs it once).
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            return false;
        }

        if (exception is TooManyAttemptsException tooMany)
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(tooMany.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>True for exceptions a client caused: handled quietly, without an error log.</summary>
    public static bool IsClientError(Exception exception) => ToProblem(exception)?.Status is < 500;

    private static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => new ValidationProblemDetails(
            validation.Errors.GroupBy(e => JsonName(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        },
        NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
        AuthenticationFailedException e => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", e.Message),
        ForbiddenAccessException e => Problem(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
        DomainAccessException e => Problem(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
        ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message),
        DomainRuleException e => Problem(StatusCodes.Status409Conflict, "Conflict", e.Message, e.Code),
        PreconditionFailedException e => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", e.Message),
        _ when IsDatabaseUnavailable(exception) => DependencyUnavailable(),
        // SQLSTATE class 22 is the SQL standard's "data exception": a value the column cannot hold, i.e. bad input.
        DbException { SqlState: ['2', '2', ..] } or DbUpdateException { InnerException: DbException { SqlState: ['2', '2', ..] } } =>
            Problem(StatusCodes.Status400BadRequest, "Bad request", "The request contains a value that cannot be stored (for example a NUL character)."),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", "The resource was changed by someone else; reload it and retry."),
        DbUpdateException { InnerException: DbException } => Problem(StatusCodes.Status409Conflict, "Conflict", "The change conflicts with existing data."),
        TooManyAttemptsException { Code: { } code } e => WithExtensions(
            Problem(StatusCodes.Status429TooManyRequests, "Too many requests", e.Message, code), ("limit", e.Limit)),
        TooManyAttemptsException e => Problem(StatusCodes.Status429TooManyRequests, "Too many requests", e.Message),
        GoneException e => Problem(StatusCodes.Status410Gone, "Gone", e.Message, e.Code),
        QuotaExceededException e => WithExtensions(
            Problem(StatusCodes.Status402PaymentRequired, "Plan limit reached", e.Message, e.Code), ("usage", e.Usage), ("limit", e.Limit), ("plan", e.LiftedBy)),
        BadRequestException e => Problem(StatusCodes.Status400BadRequest, "Bad request", e.Message, e.Code),
        // 409, not 503: a deployment's missing settings are its state, not an outage; retrying cannot help (docs/BILLING.md).
        ProviderNotConfiguredException e => Problem(StatusCodes.Status409Conflict, "Not configured", e.Message, e.Code),
        PaymentProviderException { Transient: true } e => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", e.Message, "billing_provider_unavailable"),
        PaymentProviderException e => Problem(StatusCodes.Status502BadGateway, "Bad gateway", e.Message, "billing_provider_error"),
        PayloadTooLargeException e => WithExtensions(
            Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", e.Message, e.Code), ("limit", e.Limit)),
        UnprocessableException e => Problem(StatusCodes.Status422UnprocessableEntity, "Unprocessable entity", e.Message),
        UnsupportedMediaTypeException e => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", e.Message),
        InvalidSignatureException e => Problem(StatusCodes.Status403Forbidden, "Forbidden", e.Message, "invalid_signature"),
        BadHttpRequestException e => Problem(e.StatusCode, null, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is malformed."),
        InvalidDataException => Problem(StatusCodes.Status400BadRequest, "Bad request", "The multipart body is malformed."),
        // Polly's rejections (open circuit, timed-out attempt) and HttpClient's own timeout: the dependency, not the client.
        HttpRequestException or TimeoutException or DbException or ExecutionRejectedException or TaskCanceledException { InnerException: TimeoutException } =>
            DependencyUnavailable(),
        _ => null,
    };

    private static ProblemDetails DependencyUnavailable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "A dependency is temporarily unavailable; retry shortly.");

    /// <summary>
    /// The database is down or restarting: refused connections, an administrator shutdown (SQLSTATE classes 08 and 57),
    /// or any error the provider calls transient, however EF wrapped it (its execution strategy wraps transient errors in
    /// an InvalidOperationException, SaveChanges in a DbUpdateException). Retryable, and not the client's doing.
    /// </summary>
    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } or DbException { SqlState: ['0', '8', ..] or ['5', '7', ..] })
            {
                return true;
            }
        }

        return false;
    }

    private static ProblemDetails Problem(int status, string? title, string detail, string? code = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        return problem;
    }

    private static ProblemDetails WithExtensions(ProblemDetails problem, params (string Name, object? Value)[] extensions)
    {
        foreach (var (name, value) in extensions)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>FluentValidation names properties in C# (<c>Tags[0]</c>, <c>AssigneeId</c>); clients see JSON names.</summary>
    private static string JsonName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
