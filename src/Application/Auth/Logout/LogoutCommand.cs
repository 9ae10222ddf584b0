using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Auth.Logout;

/// <summary>Ends the sign-in that issued <see cref="RefreshToken"/>, or every sign-in of the user when it is omitted.</summary>
[RequireRole(Role.Member)]
public sealed record LogoutCommand(string? RefreshToken) : ICommand;
