using Asp.Versioning;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Options;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Serialization;

namespace NovaPulse.WebApi.Infrastructure.Http;

public static class HttpRegistration
{
    public const string CorsPolicy = "configured-origins";

    /// <summary>What every request meets first: body limits, forwarded headers, CORS, MVC with our JSON, URL versioning.</summary>
    public static IServiceCollection AddHttpEdge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
        services.AddHttpContextAccessor();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateSettings(ApiOptions.SectionName).ValidateOnStart();
        services.AddOptions<ForwardedHeadersSettings>().Bind(configuration.GetSection(ForwardedHeadersSettings.SectionName))
            .Validate(s => s.IsValid(), "ForwardedHeaders:KnownProxies must list IP addresses and ForwardedHeaders:KnownNetworks CIDR networks (e.g. 10.0.0.0/24).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) => settings.Value.ApplyTo(options));

        services.AddControllers(options =>
            {
                options.ModelMetadataDetailsProviders.Add(new SystemTextJsonValidationMetadataProvider());
                options.ModelBinderProviders.Insert(0, new SnakeCaseEnumModelBinderProvider());
                // JSON only: responses are application/json, errors application/problem+json.
                options.OutputFormatters.RemoveType<StringOutputFormatter>();
                options.OutputFormatters.OfType<SystemTextJsonOutputFormatter>().Single().SupportedMediaTypes.Remove("text/json");
            })
            .AddJsonOptions(options => JsonDefaults.Configure(options.JsonSerializerOptions));

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

        var origins = configuration.GetSection(CorsOptions.SectionName).Get<CorsOptions>()?.AllowedOrigins ?? [];
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
        {
            if (origins.Length > 0)
            {
                policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
                    .WithExposedHeaders("ETag", "Location", "X-Request-Id", "Retry-After", "api-supported-versions");
            }
        }));
        return services;
    }
}
