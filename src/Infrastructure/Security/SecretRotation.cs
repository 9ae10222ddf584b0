using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Security.DataProtection;

namespace NovaPulse.Infrastructure.Security;

/// <summary>
/// Re-seals every stored secret that an older key sealed (webhook secrets, integration credentials, OAuth verifiers, the
/// Data Protection key ring) with
/// the current key, so the old key can then be dropped from <c>Secrets:PreviousKeys</c>. Run as
/// <c>dotnet NovaPulse.WebApi.dll secrets:rotate</c> after deploying the new key; safe to run again (already current rows are skipped).
/// </summary>
public sealed class SecretRotation(AppDbContext db, ISecretProtector protector, TimeProvider clock)
{
    public const string Command = "secrets:rotate";

    /// <summary>Runs the rotation in a scope of <paramref name="services"/> and returns how many rows were re-sealed.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SecretRotation>().RotateAsync(cancellationToken);
    }

    public async Task<int> RotateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var resealed = 0;
        // The command acts for no tenant: every company's rows, explicitly.
        foreach (var endpoint in await db.WebhookEndpoints.IgnoreQueryFilters().ToListAsync(cancellationToken))
        {
            if (!IsCurrent(endpoint.Secret) || (endpoint.PreviousSecret is { } previous && !IsCurrent(previous)))
            {
                endpoint.ResealSecrets(Reseal(endpoint.Secret), endpoint.PreviousSecret is null ? null : Reseal(endpoint.PreviousSecret));
                resealed++;
            }
        }

        foreach (var integration in await db.Integrations.IgnoreQueryFilters().Where(i => i.Secret != "").ToListAsync(cancellationToken))
        {
            if (!IsCurrent(integration.Secret))
            {
                integration.ReplaceSecret(Reseal(integration.Secret), now);
                resealed++;
            }
        }

        foreach (var state in await db.OAuthStates.IgnoreQueryFilters().ToListAsync(cancellationToken))
        {
            if (!IsCurrent(state.CodeVerifier))
            {
                state.ReplaceCodeVerifier(Reseal(state.CodeVerifier));
                resealed++;
            }
        }

        foreach (var key in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            if (key.Xml is { } xml && ResealKeyXml(xml) is { } current)
            {
                key.Xml = current;
                resealed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return resealed;
    }

    /// <summary>The key's XML with every value an older key sealed re-sealed, or null when all are current.</summary>
    private string? ResealKeyXml(string xml)
    {
        var element = XElement.Parse(xml);
        var stale = element.Descendants(SecretProtectorXmlEncryptor.Value).Where(v => !IsCurrent(v.Value)).ToList();
        foreach (var value in stale)
        {
            value.Value = Reseal(value.Value);
        }

        return stale.Count == 0 ? null : element.ToString(SaveOptions.DisableFormatting);
    }

    private bool IsCurrent(string value) => protector.IsSealedWithCurrentKey(value);

    private string Reseal(string value) => protector.Protect(protector.Unprotect(value));
}
