namespace NovaPulse.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending = 1,
    Succeeded = 2,
    Failed = 3,
}
