using Mediator;
using NovaPulse.Application.Auth.Common;

namespace NovaPulse.Application.Auth.Refresh;

/// <summary>Exchanges a refresh token for a new pair; the presented token is spent.</summary>
public sealed record RefreshTokenCommand(string RefreshToken) : ICommand<TokenResponse>;
