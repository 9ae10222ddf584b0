using Microsoft.AspNetCore.Mvc;

namespace NovaPulse.WebApi.Infrastructure.Metrics;

/// <summary>
/// In front of the Prometheus exporter only. A client outside <c>Metrics:AllowedNetworks</c> gets 403, not 404: the
/// path is the well-known Prometheus one, so hiding it gains nothing, and a distinct status tells the operator whose
/// scraper is refused that the network rule did it (401 is the token). The network is checked first, so clients outside
/// it cannot try tokens.
/// </summary>
public sealed class MetricsAccessMiddleware(RequestDelegate next, MetricsAccessPolicy policy, IProblemDetailsService problemDetails)
{
    public Task InvokeAsync(HttpContext context) => policy.Judge(context) switch
    {
        MetricsAccess.Allowed => next(context),
        MetricsAccess.NotOnThisPort => RefuseAsync(context, StatusCodes.Status404NotFound, "Not found", "Metrics are served on another port."),
        MetricsAccess.OutsideNetworks => RefuseAsync(context, StatusCodes.Status403Forbidden, "Forbidden", "Metrics are served only to the networks in Metrics:AllowedNetworks (by default outside Development: loopback)."),
        _ => ChallengeAsync(context),
    };

    private Task ChallengeAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
        return RefuseAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "Metrics need the Authorization: Bearer token of Metrics:BearerToken.");
    }

    private async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
