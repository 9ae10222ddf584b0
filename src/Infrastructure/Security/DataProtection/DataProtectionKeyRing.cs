namespace NovaPulse.Infrastructure.Security.DataProtection;

public static class DataProtectionKeyRing
{
    /// <summary>
    /// The discriminator that isolates key rings: the same on every host, so what one protects the others open.
    /// Changing it signs everybody out of the dashboard.
    /// </summary>
    public const string ApplicationName = "NovaPulse";
}
