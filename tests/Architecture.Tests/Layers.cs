using System.Reflection;

namespace NovaPulse.Architecture.Tests;

/// <summary>The assemblies under test, one per layer, and their root namespaces.</summary>
internal static class Layers
{
    public const string DomainNamespace = "NovaPulse.Domain";
    public const string ApplicationNamespace = "NovaPulse.Application";
    public const string InfrastructureNamespace = "NovaPulse.Infrastructure";
    public const string WebApiNamespace = "NovaPulse.WebApi";
    public const string DashboardNamespace = "NovaPulse.Dashboard";

    public static readonly Assembly DomainAssembly = typeof(NovaPulse.Domain.Common.Entity).Assembly;
    public static readonly Assembly ApplicationAssembly = typeof(NovaPulse.Application.DependencyInjection).Assembly;
    public static readonly Assembly InfrastructureAssembly = typeof(NovaPulse.Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly WebApiAssembly = typeof(NovaPulse.WebApi.DependencyInjection).Assembly;
    public static readonly Assembly DashboardAssembly = typeof(NovaPulse.Dashboard.DashboardSetup).Assembly;

    /// <summary>Concrete types declared by us (compiler-generated closures and records' helpers excluded).</summary>
    public static IEnumerable<Type> ConcreteTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith("NovaPulse.", StringComparison.Ordinal) == true
            && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false));
}
