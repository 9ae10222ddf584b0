using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Common.Security;

/// <summary>The request needs an authenticated principal with at least this role (checked by the pipeline).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequireRoleAttribute(Role minimum) : Attribute
{
    public Role Minimum { get; } = minimum;
}
