using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Workers;
using Polly;

namespace NovaPulse.Infrastructure.Webhooks;

/// <summary>Outgoing webhooks: settings, the SSRF guard, the signed HTTP sender and the delivery worker.</summary>
public static class WebhooksModule
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, ModuleContext context)
    {
        services.AddOptions<WebhookOptions>().Bind(context.Configuration.GetSection(WebhookOptions.SectionName)).ValidateSettings(WebhookOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IWebhookTargetGuard, WebhookTargetGuard>();
        services.AddScoped<IWebhookSender, HttpWebhookSender>();
        services.AddKeyedSingleton<WorkSignal>(WorkSignal.Deliveries);

        services.AddHttpClient(HttpWebhookSender.ClientName, (sp, client) =>
            {
                // A backstop only: the resilience pipeline's timeout is the per-attempt limit.
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds + 5);
            })
            .ConfigurePrimaryHttpMessageHandler(GuardedHandler)
            .AddResilienceHandler("webhook-delivery", (pipeline, resilience) =>
            {
                var webhooks = resilience.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                // No retry strategy on purpose: every attempt is recorded and the delivery schedule decides the next one.
                pipeline
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = 0.5,
                        MinimumThroughput = webhooks.CircuitBreakerMinimumThroughput,
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = TimeSpan.FromSeconds(30),
                    })
                    .AddTimeout(TimeSpan.FromSeconds(webhooks.TimeoutSeconds));
            })
            .SelectPipelineByAuthority();

        if (context.WorkersEnabled)
        {
            services.AddHostedService<WebhookDeliveryWorker>();
        }

        return services;
    }

    /// <summary>
    /// For customer-supplied URLs (webhook endpoints, Slack incoming webhooks): no redirects, cookies or proxy, and every
    /// connection checked by the SSRF guard (private targets only where <c>Webhooks:AllowPrivateTargets</c> allows).
    /// </summary>
    internal static SocketsHttpHandler GuardedHandler(IServiceProvider services)
    {
        var allowPrivate = services.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateTargets;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = (connection, cancellationToken) => WebhookTargetGuard.ConnectAsync(connection, allowPrivate, cancellationToken),
        };
    }
}
