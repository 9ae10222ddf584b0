using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Options;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Identity;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Security.DataProtection;

namespace NovaPulse.Infrastructure.Security;

/// <summary>Sign-in and secrets: auth settings, JWT issuing, password hashing, secrets at rest and the data protection key ring.</summary>
public static class SecurityModule
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, ModuleContext context)
    {
        var (configuration, environment, dataDirectory) = (context.Configuration, context.Environment, context.DataDirectory);
        services.AddOptions<AuthSettings>().Bind(configuration.GetSection(AuthSettings.SectionName)).ValidateSettings(AuthSettings.SectionName).ValidateOnStart();
        services.AddOptions<JwtOptions>()
            .Bind(configuration.GetSection(JwtOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrEmpty(o.SigningKey) && !environment.IsProduction())
                {
                    o.SigningKey = DevelopmentKeyStore.GetOrCreate(dataDirectory, "jwt-signing");
                }
            })
            .ValidateSettings(JwtOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();

        services.AddOptions<SecretsOptions>()
            .Bind(configuration.GetSection(SecretsOptions.SectionName))
            .PostConfigure(o =>
            {
                LegacySettingNames.Apply(o, configuration);
                if (string.IsNullOrWhiteSpace(o.EncryptionKey) && !environment.IsProduction())
                {
                    // The store holds 48 random bytes; the first 32 are this key.
                    var generated = Convert.FromBase64String(DevelopmentKeyStore.GetOrCreate(dataDirectory, "secrets-encryption"));
                    o.EncryptionKey = Convert.ToBase64String(generated.AsSpan(0, 32));
                }
            })
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.EncryptionKey),
                "Secrets:EncryptionKey is required in Production: set the environment variable Secrets__EncryptionKey (or INTEGRATION_ENCRYPTION_KEY) to the base64 of 32 random bytes (openssl rand -base64 32).")
            .Validate(
                o => string.IsNullOrWhiteSpace(o.EncryptionKey) || AesGcmSecretProtector.IsValidKey(o.EncryptionKey),
                "Secrets:EncryptionKey must be a 256-bit key: the base64 of 32 random bytes (or 64 hex digits).")
            .Validate(o => o.PreviousKeys.All(AesGcmSecretProtector.IsValidKey), "Secrets:PreviousKeys must each be a 256-bit key (base64 of 32 bytes).")
            .ValidateOnStart();
        services.AddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.AddScoped<SecretRotation>();

        // One key ring for every host on the database (dashboard cookies, antiforgery tokens): a shared application
        // name instead of the default (the content root path, which differs between machines), keys in the database
        // and sealed with Secrets:EncryptionKey at rest.
        services.AddDataProtection().SetApplicationName(DataProtectionKeyRing.ApplicationName).PersistKeysToDbContext<AppDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<ISecretProtector>((options, protector) => options.XmlEncryptor = new SecretProtectorXmlEncryptor(protector));
        return services;
    }
}
