namespace NovaPulse.Domain.Integrations;

public enum IntegrationNotificationStatus
{
    Pending = 1,
    Sent = 2,
    Failed = 3,
}
