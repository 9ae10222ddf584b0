namespace NovaPulse.Domain.Integrations;

/// <summary>What a company connected; one integration of each type per company.</summary>
public enum IntegrationType
{
    Email = 1,
    Slack = 2,
    Google = 3,
}
