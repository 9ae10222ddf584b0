using Mediator;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.TestSlack;

public sealed class TestSlackCommandHandler(IAppDbContext db, IntegrationMessenger messenger, TimeProvider clock)
    : ICommandHandler<TestSlackCommand, IntegrationTestResult>
{
    public async ValueTask<IntegrationTestResult> Handle(TestSlackCommand command, CancellationToken cancellationToken)
    {
        var integration = await db.RequireOfTypeAsync(IntegrationType.Slack, cancellationToken);
        var result = await messenger.SendAsync(
            integration, "NovaPulse test", "This is a test message from NovaPulse: your Slack integration works.", null, test: true, cancellationToken);
        await SendOutcomes.SaveAsync(db, cancellationToken);
        return new IntegrationTestResult(result.Succeeded, integration.Status, result.Error, integration.LastTestedAt ?? clock.GetUtcNow());
    }
}
