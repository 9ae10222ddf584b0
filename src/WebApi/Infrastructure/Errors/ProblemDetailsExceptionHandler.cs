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

        if (exception is AppException { RetryAfter: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
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
        AppException e => WithDetails(ErrorTable.Problem(e.Kind, e.Message, e.Code), e.Details),
        ValidationException validation => new ValidationProblemDetails(
            validation.Errors.GroupBy(e => JsonName(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
            Extensions = { ["code"] = ErrorCodes.ValidationFailed },
        },
        DomainAccessException e => ErrorTable.Problem(ErrorKind.Forbidden, e.Message),
        DomainRuleException e => ErrorTable.Problem(ErrorKind.Conflict, e.Message, e.Code),
        _ when IsDatabaseUnavailable(exception) => DependencyUnavailable(),
        // SQLSTATE class 22 is the SQL standard's "data exception": a value the column cannot hold, i.e. bad input.
        DbException { SqlState: ['2', '2', ..] } or DbUpdateException { InnerException: DbException { SqlState: ['2', '2', ..] } } =>
            ErrorTable.Problem(ErrorKind.BadRequest, "The request contains a value that cannot be stored (for example a NUL character).", "invalid_value"),
        // Use cases turn a lost race into an AppException (ConcurrencyBehaviour); this is a save outside one.
        DbUpdateConcurrencyException e => ToProblem(AppException.ConcurrentChange(e)),
        DbUpdateException { InnerException: DbException } => ErrorTable.Problem(ErrorKind.Conflict, "The change conflicts with existing data."),
        BadHttpRequestException e => WithCode(new ProblemDetails
        {
            Status = e.StatusCode,
            Detail = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is malformed.",
        }),
        InvalidDataException => ErrorTable.Problem(ErrorKind.BadRequest, "The multipart body is malformed.", "malformed_multipart"),
        // Polly's rejections (open circuit, timed-out attempt) and HttpClient's own timeout: the dependency, not the client.
        HttpRequestException or TimeoutException or DbException or ExecutionRejectedException or TaskCanceledException { InnerException: TimeoutException } =>
            DependencyUnavailable(),
        _ => null,
    };

    private static ProblemDetails DependencyUnavailable() =>
        ErrorTable.Problem(ErrorKind.ProviderUnavailable, "A dependency is temporarily unavailable; retry shortly.");

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

    private static ProblemDetails WithCode(ProblemDetails problem)
    {
        ErrorTable.EnsureCode(problem);
        return problem;
    }

    private static ProblemDetails WithDetails(ProblemDetails problem, IEnumerable<KeyValuePair<string, object?>> details)
    {
        foreach (var (name, value) in details)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>FluentValidation names properties in C# (<c>Tags[0]</c>, <c>AssigneeId</c>); clients see JSON names.</summary>
    private static string JsonName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
