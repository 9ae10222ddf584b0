using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Asp.Versioning;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NovaPulse.Application.Common.Behaviours;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Dashboard.Auth;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Identity;
using NovaPulse.Infrastructure.Redis;
using NovaPulse.Infrastructure.Serialization;
using NovaPulse.WebApi.Infrastructure.Auth;
using NovaPulse.WebApi.Infrastructure.Errors;
using NovaPulse.WebApi.Infrastructure.Events;
using NovaPulse.WebApi.Infrastructure.Http;
using NovaPulse.WebApi.Infrastructure.Lifetime;
using NovaPulse.WebApi.Infrastructure.Metrics;
using NovaPulse.WebApi.Infrastructure.OpenApi;
using NovaPulse.WebApi.Infrastructure.RateLimiting;
using NSwag;
using NSwag.Generation.Processors.Security;
using CorsOptions = NovaPulse.WebApi.Infrastructure.Http.CorsOptions;

namespace NovaPulse.WebApi;

public static class DependencyInjection
{
    public const string AuthRateLimitPolicy = DashboardAuthentication.SignInRateLimitPolicy;
    public const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(AuthorizationBehaviour<,>)];
        });

        services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<IDashboardPrincipalFactory, DashboardPrincipalFactory>();
        services.AddSingleton<IRequestContext, HttpRequestContext>();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateSettings(ApiOptions.SectionName).ValidateOnStart();
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.SectionName)).ValidateSettings(RateLimitingOptions.SectionName).ValidateOnStart();
        services.AddOptions<EventStreamOptions>().Bind(configuration.GetSection(EventStreamOptions.SectionName)).ValidateSettings(EventStreamOptions.SectionName).ValidateOnStart();
        services.AddOptions<ForwardedHeadersSettings>().Bind(configuration.GetSection(ForwardedHeadersSettings.SectionName))
            .Validate(s => s.IsValid(), "ForwardedHeaders:KnownProxies must list IP addresses and ForwardedHeaders:KnownNetworks CIDR networks (e.g. 10.0.0.0/24).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) => settings.Value.ApplyTo(options));
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.SectionName)).ValidateSettings(MetricsOptions.SectionName)
            .Validate(o => o.NetworksAreValid(), "Metrics:AllowedNetworks must list CIDR networks, e.g. 10.0.0.0/8 or ::1/128 (environment variables Metrics__AllowedNetworks__0, ...).")
            .Validate(o => o.TokenIsValid(), $"Metrics:BearerToken must be at least {MetricsOptions.MinimumTokenLength} characters without spaces, e.g. from openssl rand -hex 32 (environment variable Metrics__BearerToken).")
            .ValidateOnStart();
        services.AddSingleton<MetricsAccessPolicy>();
        services.AddOptions<ShutdownOptions>().Bind(configuration.GetSection(ShutdownOptions.SectionName)).ValidateSettings(ShutdownOptions.SectionName).ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        services.AddHostedService<DrainOnShutdown>();
        services.AddHealthChecks().AddCheck<ShutdownHealthCheck>("shutdown", tags: ["ready"]);
        services.AddSingleton<EventStreamer>();
        services.AddSingleton<StreamAccessCheck>();

        services.AddControllers(options =>
            {
                options.ModelMetadataDetailsProviders.Add(new SystemTextJsonValidationMetadataProvider());
                options.ModelBinderProviders.Insert(0, new SnakeCaseEnumModelBinderProvider());
                // JSON only: responses are application/json, errors application/problem+json.
                options.OutputFormatters.RemoveType<StringOutputFormatter>();
                options.OutputFormatters.OfType<SystemTextJsonOutputFormatter>().Single().SupportedMediaTypes.Remove("text/json");
            })
            .AddJsonOptions(options => JsonDefaults.Configure(options.JsonSerializerOptions));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddSingleton<IProblemDetailsWriter, AnyClientProblemDetailsWriter>();

        services.AddApiVersioning(options =>
            {
                options.DefaultApiVersion = new ApiVersion(1);
                options.ReportApiVersions = true;
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
            })
            .AddMvc()
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'VVV";
                options.SubstituteApiVersionInUrl = true;
            });

        AddAuthentication(services);
        AddRateLimiting(services, configuration);
        AddCors(services, configuration);
        AddOpenApi(services);
        return services;
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "JWT, API key or dashboard cookie", options => options.ForwardDefaultSelector = AuthSchemes.Select)
            .AddJwtBearer(AuthSchemes.Jwt, options =>
            {
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents { OnTokenValidated = CurrentRoleCheck.ApplyAsync };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddCookie(DashboardAuthentication.Scheme, DashboardPrincipalFactory.ConfigureCookie);

        services.AddOptions<JwtBearerOptions>(AuthSchemes.Jwt).Configure<IOptions<JwtOptions>, TimeProvider>((options, jwt, clock) =>
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Value.Issuer,
                ValidAudience = jwt.Value.Audience,
                IssuerSigningKey = JwtAccessTokenIssuer.SigningKey(jwt.Value),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = JwtClaimNames.Subject,
                RoleClaimType = JwtClaimNames.Role,
                // Judge expiry by the same clock that issued the token.
                LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(clock.GetUtcNow().UtcDateTime, notBefore, expires),
            });
        services.AddAuthorization(Policies.Add);
    }

    private static bool IsWithinLifetime(DateTime now, DateTime? notBefore, DateTime? expires)
    {
        var skew = TimeSpan.FromSeconds(30);
        return expires is { } end && now <= end + skew && (notBefore is not { } start || now >= start - skew);
    }

    private static void AddRateLimiting(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(RedisOptions.SectionName).Get<RedisOptions>() is { IsConfigured: true })
        {
            services.AddSingleton<RedisRateLimitStore>();
        }

        services.AddSingleton<RateLimitPartitions>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>, RateLimitPartitions>((options, limits, partitions) =>
        {
            // Showing the dashboard's sign-in and sign-up forms is free; every submission (and every API auth call) counts.
            options.AddPolicy(AuthRateLimitPolicy, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("form")
                : partitions.PerMinute("auth:ip:" + context.Connection.RemoteIpAddress, limits.Value.AuthPermitsPerMinute));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                partitions.PerMinute("all:" + PrincipalKey(context), limits.Value.PermitsPerMinute));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var response = context.HttpContext.Response;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response.Headers.RetryAfter = seconds;
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                if (context.Lease.TryGetMetadata(StoreLease.StoreUnavailable, out _))
                {
                    // Redis:FailOpen=false and Redis unreachable: no decision is not a verdict on the client (no RateLimit-* fields).
                    response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    await problems.WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context.HttpContext,
                        ProblemDetails = new ProblemDetails
                        {
                            Status = StatusCodes.Status503ServiceUnavailable,
                            Title = "Rate limiting unavailable",
                            Detail = "The shared rate limit store cannot be reached; retry after the number of seconds in Retry-After.",
                        },
                    });
                    return;
                }

                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var limit = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == AuthRateLimitPolicy
                    ? limits.Value.AuthPermitsPerMinute
                    : limits.Value.PermitsPerMinute;
                // IETF RateLimit header fields, so clients can back off without parsing the body.
                response.Headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
                response.Headers["RateLimit-Remaining"] = "0";
                response.Headers["RateLimit-Reset"] = seconds;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = "Rate limit exceeded; retry after the number of seconds in Retry-After.",
                    },
                });
            };
        });
    }

    private static string PrincipalKey(HttpContext context) =>
        context.User.FindFirstValue(JwtClaimNames.ApiKey) is { } key ? "key:" + key
        : context.User.FindFirstValue(JwtClaimNames.Subject) is { } user ? "user:" + user
        : "ip:" + context.Connection.RemoteIpAddress;

    private static void AddCors(IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(CorsOptions.SectionName).Get<CorsOptions>()?.AllowedOrigins ?? [];
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
                    .WithExposedHeaders("ETag", "Location", "X-Request-Id", "Retry-After", "api-supported-versions");
            }
        }));
    }

    private static void AddOpenApi(IServiceCollection services)
    {
        services.AddOpenApiDocument(document =>
        {
            document.DocumentName = "v1";
            document.ApiGroupNames = ["v1"];
            document.Title = "NovaPulse API";
            document.Version = "v1";
            document.Description = "Multi-tenant platform API: companies, members, tasks, uploads, audit. Authenticate with a JWT (POST /api/v1/auth/login) or an API key (np_...).";
            document.SchemaSettings.ReflectionService = new OptionalSchemaReflectionService();
            document.AddSecurity("Bearer", new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT or np_ API key",
            });
            document.OperationProcessors.Add(new AspNetCoreOperationSecurityScopeProcessor("Bearer"));
            document.OperationProcessors.Add(new StreamedBodyProcessor());
            document.OperationProcessors.Add(new ServerSentEventsProcessor());
            document.OperationProcessors.Add(new NotConfiguredResponseProcessor());
            document.OperationProcessors.Add(new ProblemResponsesProcessor());
            document.OperationProcessors.Add(new CamelCaseQueryParametersProcessor());
            document.OperationProcessors.Add(new RequiredRoleProcessor());
            document.DocumentProcessors.Add(new DeclaredTagsProcessor());
        });
    }
}
