using NovaPulse.Domain.Integrations;

namespace NovaPulse.Application.Integrations.Common;

/// <summary>
/// The outcome of one send to a provider. <see cref="FailureStatus"/> is what the failure means for the integration:
/// <see cref="IntegrationStatus.Connected"/> for a passing problem (timeout, 5xx), Broken or Disconnected when the provider
/// said no for good.
/// </summary>
public sealed record SendResult(bool Succeeded, string? Error, IntegrationStatus FailureStatus)
{
    public static SendResult Ok { get; } = new(true, null, IntegrationStatus.Connected);

    public static SendResult Transient(string error) => new(false, error, IntegrationStatus.Connected);

    public static SendResult Permanent(string error, IntegrationStatus status = IntegrationStatus.Broken) => new(false, error, status);

    public void ApplyTo(Integration integration, DateTimeOffset now, bool tested)
    {
        if (Succeeded)
        {
            integration.RecordSuccess(now, tested);
        }
        else
        {
            integration.RecordFailure(Error ?? "failed", FailureStatus, now, tested);
        }
    }
}
