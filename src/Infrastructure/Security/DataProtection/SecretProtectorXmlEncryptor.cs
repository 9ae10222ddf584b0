using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using NovaPulse.Application.Common.Interfaces;

namespace NovaPulse.Infrastructure.Security.DataProtection;

/// <summary>
/// Seals each Data Protection key (cookies, antiforgery tokens) with <c>Secrets:EncryptionKey</c> before it is stored in
/// the database, so a copy of the <c>data_protection_keys</c> table alone opens no session.
/// </summary>
public sealed class SecretProtectorXmlEncryptor(ISecretProtector protector) : IXmlEncryptor
{
    public static readonly XName Element = XName.Get("sealedKey", "urn:novapulse:data-protection");

    public static readonly XName Value = XName.Get("value", "urn:novapulse:data-protection");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(Seal(protector, plaintextElement.ToString(SaveOptions.DisableFormatting)), typeof(SecretProtectorXmlDecryptor));

    /// <summary>The stored form: <c>&lt;sealedKey&gt;&lt;value&gt;{keyId}:{AES-GCM}&lt;/value&gt;&lt;/sealedKey&gt;</c>.</summary>
    public static XElement Seal(ISecretProtector protector, string plaintextXml) =>
        new(Element, new XComment(" Sealed with Secrets:EncryptionKey (AES-256-GCM). "), new XElement(Value, protector.Protect(plaintextXml)));
}
