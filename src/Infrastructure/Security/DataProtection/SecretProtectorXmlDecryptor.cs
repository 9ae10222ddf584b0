using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Infrastructure.Security.DataProtection;

/// <summary>Opens keys sealed by <see cref="SecretProtectorXmlEncryptor"/> (current or a previous <c>Secrets</c> key).</summary>
/// <remarks>Data Protection creates decryptors by type with the application's service provider.</remarks>
public sealed class SecretProtectorXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var sealedValue = encryptedElement.Element(SecretProtectorXmlEncryptor.Value)?.Value
            ?? throw new InvalidOperationException("A stored Data Protection key has no sealed value.");
        return XElement.Parse(services.GetRequiredService<ISecretProtector>().Unprotect(sealedValue));
    }
}
