using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Members.Invite;

/// <summary>Invites a person by email; the returned token is what they redeem to join (email delivery comes with integrations).</summary>
[RequireRole(Domain.Common.Role.Admin)]
public sealed record InviteMemberCommand(string Email, Role Role) : ICommand<InvitationResponse>;

/// <summary>The invitation; <see cref="Token"/> is shown only here.</summary>
public sealed record InvitationResponse(Guid Id, string Email, Role Role, string Token, DateTimeOffset ExpiresAt);
