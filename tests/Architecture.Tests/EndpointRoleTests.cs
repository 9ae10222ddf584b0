using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using NovaPulse.Application.Common.Security;
using NovaPulse.WebApi.Infrastructure.Auth;
using static NovaPulse.Architecture.Tests.Layers;

namespace NovaPulse.Architecture.Tests;

/// <summary>
/// A role is declared once, on the request (<c>[RequireRole]</c>); an endpoint names the request it runs with
/// <c>[AuthorizeAs&lt;TRequest&gt;]</c> and takes its role from there, so the two cannot drift apart.
/// </summary>
public sealed class EndpointRoleTests
{
    private static List<MethodInfo> Endpoints() =>
    [
        .. ConcreteTypes(WebApiAssembly).Where(t => typeof(ControllerBase).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.IsDefined(typeof(HttpMethodAttribute), inherit: true)),
    ];

    private static List<Type> RequestsNamedBy(MethodInfo endpoint) =>
    [
        .. endpoint.GetCustomAttributes(inherit: true).Select(a => a.GetType())
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AuthorizeAsAttribute<>))
            .Select(t => t.GetGenericArguments()[0]),
    ];

    private static string Name(MethodInfo endpoint) => $"{endpoint.DeclaringType!.Name}.{endpoint.Name}";

    [Fact]
    public void Every_endpoint_that_needs_a_principal_names_exactly_one_request_with_a_role()
    {
        var endpoints = Endpoints();

        Assert.NotEmpty(endpoints);
        var offenders = endpoints
            .Where(e => !e.IsDefined(typeof(AllowAnonymousAttribute), inherit: true))
            .Where(e => RequestsNamedBy(e) is not [var request] || request.GetCustomAttribute<RequireRoleAttribute>() is null)
            .Select(Name).ToList();
        Assert.True(offenders.Count == 0,
            $"Mark each endpoint with one [AuthorizeAs<TheRequestItSends>] (the request declares [RequireRole]): {string.Join(", ", offenders)}");
    }

    [Fact]
    public void Anonymous_endpoints_name_no_role()
    {
        var offenders = Endpoints()
            .Where(e => e.IsDefined(typeof(AllowAnonymousAttribute), inherit: true) && RequestsNamedBy(e).Count > 0)
            .Select(Name).ToList();

        Assert.True(offenders.Count == 0, $"[AllowAnonymous] endpoints take no [AuthorizeAs<>]: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void No_controller_or_endpoint_spells_a_role_or_policy_itself()
    {
        var controllers = ConcreteTypes(WebApiAssembly).Where(t => typeof(ControllerBase).IsAssignableFrom(t)).ToList();
        var declared = controllers.SelectMany(c => c.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Select(a => (Where: c.Name, Attribute: a)))
            .Concat(Endpoints().SelectMany(e => e.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Select(a => (Where: Name(e), Attribute: a))));

        var offenders = declared
            .Where(d => !(d.Attribute.GetType().IsGenericType && d.Attribute.GetType().GetGenericTypeDefinition() == typeof(AuthorizeAsAttribute<>)))
            .Where(d => d.Attribute.Policy is not null || d.Attribute.Roles is not null)
            .Select(d => d.Where).ToList();

        Assert.True(offenders.Count == 0,
            $"Use [Authorize] for sign-in only; the role comes from the request through [AuthorizeAs<>]: {string.Join(", ", offenders)}");
    }
}
