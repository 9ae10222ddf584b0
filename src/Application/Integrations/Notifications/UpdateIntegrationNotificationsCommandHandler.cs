using Mediator;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Notifications;

public sealed class UpdateIntegrationNotificationsCommandHandler(IAppDbContext db, TimeProvider clock)
    : ICommandHandler<UpdateIntegrationNotificationsCommand, IntegrationDto>
{
    public async ValueTask<IntegrationDto> Handle(UpdateIntegrationNotificationsCommand command, CancellationToken cancellationToken)
    {
        var integration = await db.RequireAsync(command.Id, cancellationToken);
        if (integration.Type == IntegrationType.Google && command.Events.Count > 0)
        {
            throw new DomainRuleException("notifications_unsupported", "Google integrations do not send notifications; use email or Slack.");
        }

        integration.SubscribeTo(command.Events, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return IntegrationDto.From(integration);
    }
}
