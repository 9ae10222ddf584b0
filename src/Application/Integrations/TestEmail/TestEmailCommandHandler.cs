using Mediator;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Integrations.Common;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.TestEmail;

public sealed class TestEmailCommandHandler(IAppDbContext db, IntegrationMessenger messenger, TimeProvider clock)
    : ICommandHandler<TestEmailCommand, IntegrationTestResult>
{
    public const string Subject = "NovaPulse test message";

    public async ValueTask<IntegrationTestResult> Handle(TestEmailCommand command, CancellationToken cancellationToken)
    {
        var integration = await db.RequireOfTypeAsync(IntegrationType.Email, cancellationToken);
        var result = await messenger.SendAsync(
            integration, Subject, "This is a test message from NovaPulse: your email integration works.", command.To.Trim(), test: true, cancellationToken);
        await SendOutcomes.SaveAsync(db, cancellationToken);
        return new IntegrationTestResult(result.Succeeded, integration.Status, result.Error, integration.LastTestedAt ?? clock.GetUtcNow());
    }
}
