namespace NovaPulse.Application.Auth.Common;

/// <summary>An access token (JWT, <see cref="ExpiresIn"/> seconds) and the single-use refresh token that renews it.</summary>
public record TokenResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn);
