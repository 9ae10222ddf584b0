using Mediator;
using NovaPulse.Application.Auth.Common;

namespace NovaPulse.Application.Members.AcceptInvitation;

/// <summary>Redeems an invitation: creates the member with the invited role and signs them in.</summary>
public sealed record AcceptInvitationCommand(string Token, string Name, string Password) : ICommand<AuthResponse>;
