using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using NovaPulse.Application.Common.Security;

namespace NovaPulse.WebApi.Infrastructure.Auth;

/// <summary>
/// The endpoint runs <typeparamref name="TRequest"/> and demands the role that request declares with
/// <see cref="RequireRoleAttribute"/>, its one declaration. Checking it here as well as in the mediator pipeline stops a
/// caller without the role before the body is bound (403, never field errors) and publishes the role in the OpenAPI
/// contract (<c>x-required-role</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuthorizeAsAttribute<TRequest> : AuthorizeAttribute
    where TRequest : Mediator.IMessage
{
    public AuthorizeAsAttribute() => Policy = Policies.For(typeof(TRequest).GetCustomAttribute<RequireRoleAttribute>()
        ?? throw new InvalidOperationException($"{typeof(TRequest).Name} declares no [RequireRole]; an anonymous endpoint takes [AllowAnonymous]."));
}
