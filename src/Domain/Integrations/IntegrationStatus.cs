namespace NovaPulse.Domain.Integrations;

/// <summary>
/// <see cref="Connected"/> works (as far as we know); <see cref="Broken"/> the provider refused us for good (archived Slack
/// channel, rejected SMTP login) until someone reconfigures it; <see cref="Disconnected"/> the grant is gone (Google token revoked).
/// </summary>
public enum IntegrationStatus
{
    Connected = 1,
    Broken = 2,
    Disconnected = 3,
}
