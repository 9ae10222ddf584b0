using NovaPulse.Application.Members.Common;

namespace NovaPulse.Application.Auth.Common;

/// <summary>Tokens plus who signed in and their company.</summary>
public sealed record AuthResponse(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, MemberDto User, CompanyDto Company)
    : TokenResponse(AccessToken, RefreshToken, TokenType, ExpiresIn);
