using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Identity;
using NovaPulse.Infrastructure.Redis;
using NovaPulse.WebApi.Infrastructure.Http;

namespace NovaPulse.WebApi.Infrastructure.RateLimiting;

public static class RateLimitingRegistration
{
    /// <summary>
    /// Health probes: a per-host budget per address instead of the request budget, so an orchestrator's probes neither
    /// spend a principal's requests nor see the 503 of a fail-closed limiter whose Redis is down (which would take every
    /// host out at once); still a budget, since readiness queries the database.
    /// </summary>
    public const string ProbePolicy = "probes";

    /// <summary>A global budget per principal and a stricter one per address on sign-up / sign-in, in memory or in Redis.</summary>
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.SectionName)).ValidateSettings(RateLimitingOptions.SectionName).ValidateOnStart();
        if (configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() is { IsConfigured: true })
        {
            services.AddSingleton<RedisRateLimitStore>();
        }

        services.AddSingleton<RateLimitPartitions>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>, RateLimitPartitions>((options, limits, partitions) =>
        {
            // Showing the dashboard's sign-in and sign-up forms is free; every submission (and every API auth call) counts.
            options.AddPolicy(DependencyInjection.AuthRateLimitPolicy, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("form")
                : partitions.PerMinute("auth:ip:" + context.Connection.RemoteIpAddress, limits.Value.AuthPermitsPerMinute));
            options.AddPolicy(ProbePolicy, context =>
                RateLimitPartitions.PerMinuteOnThisHost("probe:ip:" + context.Connection.RemoteIpAddress, limits.Value.ProbePermitsPerMinute));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => PolicyOf(context) == ProbePolicy
                ? RateLimitPartition.GetNoLimiter("probe")
                : partitions.PerMinute("all:" + PrincipalKey(context), limits.Value.PermitsPerMinute));
            options.OnRejected = (context, cancellationToken) => RejectAsync(context, limits.Value);
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, RateLimitingOptions limits)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        var response = context.HttpContext.Response;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers.RetryAfter = seconds;
        if (context.Lease.TryGetMetadata(StoreLease.StoreUnavailable, out _))
        {
            // Redis:FailOpen=false and Redis unreachable: no decision is not a verdict on the client (no RateLimit-* fields).
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await WriteProblemAsync(context.HttpContext, "Rate limiting unavailable",
                "The shared rate limit store cannot be reached; retry after the number of seconds in Retry-After.", "rate_limit_unavailable");
            return;
        }

        response.StatusCode = StatusCodes.Status429TooManyRequests;
        // The limit that refused: the request budget refuses a sign-in as well as the sign-in budget does.
        var limit = context.Lease.TryGetMetadata(LimitNamingLimiter.PermitLimit, out var named) && named is int permits ? permits : limits.PermitsPerMinute;
        // IETF RateLimit header fields, so clients can back off without parsing the body.
        response.Headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Remaining"] = "0";
        response.Headers["RateLimit-Reset"] = seconds;
        await WriteProblemAsync(context.HttpContext, "Too many requests", "Rate limit exceeded; retry after the number of seconds in Retry-After.", "rate_limited");
    }

    private static ValueTask WriteProblemAsync(HttpContext httpContext, string title, string detail, string code) =>
        httpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = httpContext.Response.StatusCode,
                Title = title,
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });

    private static string? PolicyOf(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;

    private static string PrincipalKey(HttpContext context) =>
        context.User.FindFirstValue(JwtClaimNames.ApiKey) is { } key ? "key:" + key
        : context.User.FindFirstValue(JwtClaimNames.Subject) is { } user ? "user:" + user
        : "ip:" + context.Connection.RemoteIpAddress;
}
