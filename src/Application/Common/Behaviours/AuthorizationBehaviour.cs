using System.Reflection;
using Mediator;
using NovaPulse.Application.Common.Exceptions;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Common.Security;

namespace NovaPulse.Application.Common.Behaviours;

/// <summary>Enforces <see cref="RequireRoleAttribute"/> on the request type: 401 when anonymous, 403 when the role is too low.</summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser currentUser) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly RequireRoleAttribute? Requirement = typeof(TMessage).GetCustomAttribute<RequireRoleAttribute>();

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Requirement is not null)
        {
            if (!currentUser.IsAuthenticated || currentUser.CompanyId is null)
            {
                throw AppException.Unauthenticated("Authentication is required.");
            }

            // Fails closed: a principal without a role (a token missing the claim) is refused, not compared as null.
            if (currentUser.Role is not { } role || role < Requirement.Minimum)
            {
                throw AppException.Forbidden($"This operation requires the {Requirement.Minimum} role or higher.");
            }
        }

        return next(message, cancellationToken);
    }
}
