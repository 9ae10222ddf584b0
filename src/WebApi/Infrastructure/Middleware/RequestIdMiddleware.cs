using System.Text.RegularExpressions;
using NovaPulse.Domain.Common;
using Serilog.Context;

namespace NovaPulse.WebApi.Infrastructure.Middleware;

/// <summary>
/// Correlates a request across logs, audit entries and ProblemDetails: takes a safe incoming <c>X-Request-Id</c>
/// or makes one, and echoes it on the response.
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var requestId = SafeId().IsMatch(incoming) ? incoming : SequentialId.New().ToString("N");
        context.TraceIdentifier = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = requestId;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", requestId))
        {
            await next(context);
        }
    }

    // Bounded and free of control characters, so a client cannot inject into logs or headers.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SafeId();
}
