namespace NovaPulse.Application.Integrations.Common;

/// <summary>An SMTP server as a company configured it, with the decrypted password.</summary>
public sealed record SmtpServer(string Host, int Port, EmailSecurity Security, string? Username, string? Password);

/// <summary>A plain-text message.</summary>
public sealed record EmailMessage(string FromAddress, string? FromName, string To, string Subject, string Body);

/// <summary>Sends mail through a company's own SMTP server (MailKit).</summary>
public interface IEmailSender
{
    Task<SendResult> SendAsync(SmtpServer server, EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>Posts to a Slack incoming webhook; 403/404/410 answers (channel_not_found, channel_is_archived, ...) are permanent.</summary>
public interface ISlackClient
{
    Task<SendResult> PostAsync(Uri webhookUrl, string text, string? channel, CancellationToken cancellationToken);
}

/// <summary>Tokens from Google's token endpoint; <see cref="Error"/> is its OAuth error code (<c>invalid_grant</c>) when it refused.</summary>
public sealed record GoogleTokenResponse(string? AccessToken, string? RefreshToken, int ExpiresInSeconds, string? Scope, string? Error);

/// <summary>Google's OAuth 2.0 endpoints (token, userinfo, revocation).</summary>
public interface IGoogleOAuthClient
{
    Task<GoogleTokenResponse> ExchangeCodeAsync(string code, string codeVerifier, CancellationToken cancellationToken);

    Task<GoogleTokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken);

    /// <summary>The account's email, or null when Google refused the access token.</summary>
    Task<string?> GetEmailAsync(string accessToken, CancellationToken cancellationToken);

    /// <summary>True when Google revoked the token (or no longer knew it).</summary>
    Task<bool> RevokeAsync(string token, CancellationToken cancellationToken);
}
