using Mediator;
using NovaPulse.Application.Auth.Common;

namespace NovaPulse.Application.Auth.Login;

public sealed record LoginCommand(string Email, string Password) : ICommand<AuthResponse>;
