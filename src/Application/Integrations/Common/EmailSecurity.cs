namespace NovaPulse.Application.Integrations.Common;

/// <summary>How the SMTP connection is protected: none, STARTTLS upgrade, or TLS from the first byte (port 465).</summary>
public enum EmailSecurity
{
    None = 1,
    Starttls = 2,
    Tls = 3,
}
