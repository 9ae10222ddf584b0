using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Members.Remove;

/// <summary>Removes a member: their sign-ins and the API keys they created stop working; their tasks become unassigned.</summary>
[RequireRole(Role.Admin)]
public sealed record RemoveMemberCommand(Guid Id) : ICommand;
