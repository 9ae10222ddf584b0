using Mediator;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Create;

public sealed class CreateWebhookCommandHandler(
    IAppDbContext db, ICurrentUser currentUser, ISecretProtector secrets, PlanLimitGuard planLimits, TimeProvider clock)
    : ICommandHandler<CreateWebhookCommand, WebhookEndpointDto>
{
    public async ValueTask<WebhookEndpointDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var companyId = currentUser.RequireCompanyId();
        // Under the company's lock, so concurrent creates one below the plan's limit cannot both pass the count.
        return await db.InCompanyLockAsync(companyId, async () =>
        {
            await planLimits.EnsureWebhookEndpointAvailableAsync(companyId, cancellationToken);
            var secret = WebhookSigner.NewSecret();
            var endpoint = WebhookEndpoint.Create(
                companyId, command.Url, command.Events, command.Description, command.Enabled ?? true, secrets.Protect(secret), clock.GetUtcNow());
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync(cancellationToken);
            return WebhookEndpointDto.From(endpoint, secret);
        }, cancellationToken);
    }
}
