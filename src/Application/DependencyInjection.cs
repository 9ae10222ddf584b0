using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.ApiKeys.Authenticate;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Integrations.Notify;
using NovaPulse.Application.Uploads.Common;
using NovaPulse.Application.Webhooks.Delivery;

namespace NovaPulse.Application;

public static class DependencyInjection
{
    /// <summary>Validators and application services. The mediator itself is source-generated in the host (<c>AddMediator</c>).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.AddScoped<TokenPairIssuer>();
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddScoped<UploadIngestor>();
        services.AddScoped<UploadUrls>();
        services.AddScoped<WebhookDeliveryProcessor>();
        services.AddScoped<IOutboxEventConsumer, WebhookFanOutConsumer>();
        services.AddScoped<IntegrationMessenger>();
        services.AddScoped<GoogleAccessTokens>();
        services.AddScoped<IOutboxEventConsumer, IntegrationNotificationConsumer>();
        return services;
    }
}
