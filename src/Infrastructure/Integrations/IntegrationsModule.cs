using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.Notify;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Webhooks;
using NovaPulse.Infrastructure.Workers;
using Polly;

namespace NovaPulse.Infrastructure.Integrations;

/// <summary>Email (SMTP), Slack and Google: their clients with resilience pipelines, and the notification worker.</summary>
public static class IntegrationsModule
{
    public static IServiceCollection AddIntegrations(this IServiceCollection services, ModuleContext context)
    {
        var configuration = context.Configuration;
        services.AddOptions<IntegrationOptions>()
            .Bind(configuration.GetSection(IntegrationOptions.SectionName))
            .PostConfigure(o => LegacySettingNames.Apply(o, configuration))
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 120, "Integrations:TimeoutSeconds must be between 1 and 120.")
            .Validate(o => Uri.TryCreate(o.FrontendUrl, UriKind.Absolute, out _), "FrontendUrl (FRONTEND_URL) must be an absolute URL.")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.SectionName))
            .ValidateSettings(NotificationOptions.SectionName)
            .ValidateOnStart();
        services.AddKeyedSingleton<WorkSignal>(WorkSignal.Notifications);
        services.AddOptions<GoogleOptions>().Bind(configuration.GetSection(GoogleOptions.SectionName));
        services.AddSingleton<IEmailSender, MailKitEmailSender>();
        services.AddSingleton<ISlackClient, SlackWebhookClient>();
        services.AddSingleton<IGoogleOAuthClient, GoogleOAuthClient>();

        services.AddHttpClient(SlackWebhookClient.ClientName)
            // The URL is the credential: no request logging, and no logging scope carrying it into Polly's or our logs.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(WebhooksModule.GuardedHandler)
            .AddResilienceHandler("slack", (pipeline, resilience) =>
            {
                var integrations = resilience.ServiceProvider.GetRequiredService<IOptions<IntegrationOptions>>().Value;
                pipeline
                    // Incoming webhooks take no idempotency key: retry only answers that say nothing was posted (5xx),
                    // never a timeout, after which the message may well be in the channel.
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = integrations.SlackRetries,
                        Delay = integrations.SlackRetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { StatusCode: >= System.Net.HttpStatusCode.InternalServerError }),
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = 0.5,
                        MinimumThroughput = integrations.CircuitBreakerMinimumThroughput,
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = integrations.CircuitBreakDuration,
                    });
                // The time limit is the client's wall-clock budget for the whole send (SlackWebhookClient), retries included.
            })
            .SelectPipelineByAuthority();
        if (context.WorkersEnabled)
        {
            services.AddHostedService<IntegrationNotificationWorker>();
        }

        services.AddHttpClient(GoogleOAuthClient.ClientName, client => client.DefaultRequestHeaders.Accept.ParseAdd("application/json"))
            .AddStandardResilienceHandler(o =>
            {
                // Token requests carry single-use codes: retry only the safe GET (userinfo).
                o.Retry.DisableForUnsafeHttpMethods();
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            });
        return services;
    }
}
