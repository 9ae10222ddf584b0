using Serilog.Events;

namespace NovaPulse.WebApi.Infrastructure.Http;

public static class RequestLogging
{
    /// <summary>
    /// Logs the route template (<c>/api/v{version}/invitations/{token}/accept</c>) instead of the raw path, so
    /// secrets that travel in paths (invitation tokens, signed ids) never reach the logs.
    /// </summary>
    public static IEnumerable<LogEventProperty> Properties(HttpContext context, string path, double elapsedMs, int statusCode)
    {
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var shown = template is null ? path : "/" + template.TrimStart('/');
        return
        [
            new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue(shown)),
            new LogEventProperty("StatusCode", new ScalarValue(statusCode)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsedMs)),
        ];
    }
}
