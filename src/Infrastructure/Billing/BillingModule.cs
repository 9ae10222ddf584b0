using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Workers;
using Polly;

namespace NovaPulse.Infrastructure.Billing;

/// <summary>Plans and Stripe: the payment gateway with its HTTP client, usage reporting and reconciliation workers.</summary>
public static class BillingModule
{
    public static IServiceCollection AddBilling(this IServiceCollection services, ModuleContext context)
    {
        var configuration = context.Configuration;
        services.AddOptions<BillingOptions>()
            .Bind(configuration.GetSection(BillingOptions.SectionName))
            .ValidateSettings(BillingOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BillingOptions>, BillingOptionsValidator>();
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.SectionName)).ValidateSettings(StripeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPaymentGateway, StripePaymentGateway>();
        services.AddHttpClient(StripePaymentGateway.HttpClientName, (sp, client) =>
            {
                // The per-attempt limit: Stripe.net retries a timed-out attempt with the same idempotency key.
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<StripeOptions>>().Value.TimeoutSeconds);
            })
            .AddResilienceHandler("stripe", (pipeline, resilience) =>
            {
                // No retry strategy here: Stripe.net retries itself, reusing the Idempotency-Key.
                var stripe = resilience.ServiceProvider.GetRequiredService<IOptions<StripeOptions>>().Value;
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = stripe.CircuitBreakerMinimumThroughput,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = stripe.CircuitBreakerBreakDuration,
                });
            });

        if (context.WorkersEnabled)
        {
            services.AddHostedService<UsageReportWorker>();
            services.AddHostedService<BillingReconcileWorker>();
        }

        return services;
    }
}
