namespace NovaPulse.WebApi.Infrastructure.Middleware;

/// <summary>Headers every response carries (HSTS is added by <c>UseHsts</c> outside Development).</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// The dashboard's pages: own scripts only, the circuit's WebSocket, thumbnails from storage (Cloudinary is https);
    /// inline styles for the framework's reconnect dialog.
    /// </summary>
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; "
        + "connect-src 'self' ws: wss:; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        }
        else if (!context.Request.Path.StartsWithSegments("/docs"))
        {
            headers.ContentSecurityPolicy = DashboardPolicy;
        }

        return next(context);
    }
}
