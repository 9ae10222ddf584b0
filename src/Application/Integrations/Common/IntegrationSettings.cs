namespace NovaPulse.Application.Integrations.Common;

/// <summary>Non-secret SMTP settings (stored as the integration's settings JSON).</summary>
public sealed record EmailSettings(string Host, int Port, string? Username, string FromAddress, string? FromName, EmailSecurity Security, bool HasPassword);

/// <summary>The SMTP password, stored encrypted.</summary>
public sealed record EmailSecret(string? Password);

/// <summary>Slack settings: the channel override and the webhook's host (the URL itself is a credential).</summary>
public sealed record SlackSettings(string? Channel, string WebhookHost);

/// <summary>The incoming-webhook URL, stored encrypted: whoever has it can post to the channel.</summary>
public sealed record SlackSecret(string WebhookUrl);

/// <summary>The connected Google account.</summary>
public sealed record GoogleSettings(string? AccountEmail, string? Scope);

/// <summary>Google tokens, stored encrypted; the access token is refreshed when it expires.</summary>
public sealed record GoogleSecret(string RefreshToken, string AccessToken, DateTimeOffset AccessTokenExpiresAt);
