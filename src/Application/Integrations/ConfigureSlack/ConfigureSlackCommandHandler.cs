using Mediator;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.ConfigureSlack;

public sealed class ConfigureSlackCommandHandler(
    IAppDbContext db, ICurrentUser currentUser, ISecretProtector protector, IWebhookTargetGuard guard, PlanLimitGuard planLimits,
    IOptions<IntegrationOptions> options, TimeProvider clock)
    : ICommandHandler<ConfigureSlackCommand, IntegrationDto>
{
    public async ValueTask<IntegrationDto> Handle(ConfigureSlackCommand command, CancellationToken cancellationToken)
    {
        var url = new Uri(command.WebhookUrl.Trim());
        if (url.Scheme != Uri.UriSchemeHttps && !options.Value.AllowHttpSlackUrls)
        {
            throw AppException.Unprocessable("'webhookUrl' must use https: the URL is a credential and must not travel in clear text.");
        }

        // The same SSRF guard as webhooks: a company must not make us post to our own network.
        if (await guard.RefusalAsync(url, cancellationToken) is { } refusal)
        {
            throw AppException.Unprocessable(refusal.Replace("'url'", "'webhookUrl'", StringComparison.Ordinal).Replace("webhooks can", "Slack URLs can", StringComparison.Ordinal));
        }

        var channel = string.IsNullOrWhiteSpace(command.Channel) ? null : command.Channel.Trim();
        var settings = IntegrationSecrets.Serialize(new SlackSettings(channel, url.Authority));
        var secret = protector.Seal(new SlackSecret(url.AbsoluteUri));
        var displayName = channel is null ? "Slack" : $"Slack {channel}";
        var companyId = currentUser.RequireCompanyId();
        // Under the company's lock: connecting counts against the plan's integrations, once.
        return await db.InCompanyLockAsync(companyId, async () =>
        {
            var now = clock.GetUtcNow();
            var integration = await db.OfTypeAsync(IntegrationType.Slack, cancellationToken);
            if (integration is null)
            {
                await planLimits.EnsureIntegrationAvailableAsync(companyId, cancellationToken);
                integration = Integration.Connect(companyId, IntegrationType.Slack, displayName, settings, secret, now);
                db.Integrations.Add(integration);
            }
            else
            {
                integration.Reconfigure(displayName, settings, secret, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return IntegrationDto.From(integration);
        }, cancellationToken);
    }
}
