using Mediator;
using NovaPulse.Application.Auth.Common;

namespace NovaPulse.Application.Auth.Register;

/// <summary>Creates a company and its first member, the Owner, and signs them in.</summary>
public sealed record RegisterCommand(string CompanyName, string Name, string Email, string Password) : ICommand<AuthResponse>;
