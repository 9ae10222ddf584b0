using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>Publishes an operation's minimum role (from its authorization policy) as <c>x-required-role</c>.</summary>
public sealed class RequiredRoleProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var policy = context.MethodInfo.GetCustomAttributes<AuthorizeAttribute>(true)
            .Concat(context.ControllerType.GetCustomAttributes<AuthorizeAttribute>(true))
            .Select(a => a.Policy)
            .FirstOrDefault(p => p is not null);
        var operation = context.OperationDescription.Operation;
        operation.ExtensionData ??= new Dictionary<string, object?>();
        // [AllowAnonymous] on the action beats a policy on its controller (ASP.NET Core skips authorization for it).
        operation.ExtensionData["x-required-role"] = context.MethodInfo.GetCustomAttribute<AllowAnonymousAttribute>() is not null ? "anonymous" : policy ?? "member";
        return true;
    }
}
