namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The webhook tests start hosts of their own (restarts, second instances, clock-moving tests); they run one after the
/// other so at most one of them is starting a host at any time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WebhookCollection
{
    public const string Name = "webhooks";
}
