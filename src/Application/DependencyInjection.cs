using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.ApiKeys.Authenticate;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Auth.Login;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Billing.Reconcile;
using NovaPulse.Application.Billing.Usage;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.Notify;
using NovaPulse.Application.Uploads.Cleanup;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Webhooks.Delivery;

namespace NovaPulse.Application;

public static class DependencyInjection
{
    /// <summary>Validators and application services. The mediator itself is source-generated in the host (<c>AddMediator</c>).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Stateless (their dependencies are singletons): built once, not a rule tree per request.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddMemoryCache();
        services.AddScoped<TokenPairIssuer>();
        services.AddScoped<SignInLockout>();
        services.AddScoped<CurrentRoles>();
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddScoped<StorageQuota>();
        services.AddScoped<UploadContent>();
        services.AddScoped<UploadUrls>();
        services.AddScoped<UploadCleanup>();
        services.AddScoped<WebhookDeliveryProcessor>();
        services.AddScoped<IOutboxEventConsumer, WebhookFanOutConsumer>();
        services.AddSingleton<PlanCatalog>();
        services.AddSingleton<ReturnUrlPolicy>();
        services.AddScoped<IPlanLimits, PlanBackedLimits>();
        services.AddScoped<PlanLimitGuard>();
        services.AddScoped<BillingAccounts>();
        services.AddScoped<BillingSync>();
        services.AddScoped<UsageReporter>();
        services.AddScoped<BillingReconciler>();
        services.AddScoped<IntegrationMessenger>();
        services.AddScoped<GoogleAccessTokens>();
        services.AddScoped<IOutboxEventConsumer, IntegrationNotificationConsumer>();
        services.AddScoped<IntegrationNotificationSender>();
        return services;
    }
}
