using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NovaPulse.WebApi.Infrastructure.Http;

namespace NovaPulse.WebApi.Infrastructure.Middleware;

/// <summary>
/// Rejects bodies above the endpoint's limit (or <c>Api:MaxRequestBodyBytes</c>) with a 413 ProblemDetails before
/// anything reads them; the server enforces the same limit on bodies without Content-Length.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpointLimit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = endpointLimit is null ? options.Value.MaxRequestBodyBytes : endpointLimit.MaxRequestBodySize;
        if (limit is { } max)
        {
            if (context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await problemDetails.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "Payload too large",
                        Detail = $"The request body exceeds the limit of {max} bytes.",
                    },
                });
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = max;
            }
        }

        await next(context);
    }
}
