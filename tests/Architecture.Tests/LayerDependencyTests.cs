using System.Reflection;
using NetArchTest.Rules;
using static NovaPulse.Architecture.Tests.Layers;

namespace NovaPulse.Architecture.Tests;

public sealed class LayerDependencyTests
{
    private static readonly string[] DatabaseProviders =
    [
        "Npgsql",
        "Microsoft.EntityFrameworkCore.Sqlite",
        "Microsoft.EntityFrameworkCore.SqlServer",
        "Microsoft.Data.Sqlite",
        "Microsoft.Data.SqlClient",
    ];

    [Fact]
    public void Domain_depends_on_no_other_layer()
    {
        var result = Types.InAssembly(DomainAssembly).ShouldNot()
            .HaveDependencyOnAny(ApplicationNamespace, InfrastructureNamespace, WebApiNamespace, DashboardNamespace)
            .GetResult();

        ArchitectureAssert.Holds(result, "The domain must not use Application, Infrastructure, WebApi or Dashboard");
    }

    [Fact]
    public void Domain_depends_on_neither_ef_core_nor_asp_net_core()
    {
        var result = Types.InAssembly(DomainAssembly).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions")
            .GetResult();

        ArchitectureAssert.Holds(result, "The domain must be plain .NET");
    }

    [Fact]
    public void Domain_references_no_assembly_beyond_the_base_class_library()
    {
        var references = ReferencedAssemblies(DomainAssembly)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name != "netstandard" && name != "mscorlib");

        Assert.Empty(references);
    }

    [Fact]
    public void Application_does_not_depend_on_infrastructure_or_the_web_host()
    {
        var result = Types.InAssembly(ApplicationAssembly).ShouldNot()
            .HaveDependencyOnAny(InfrastructureNamespace, WebApiNamespace, DashboardNamespace)
            .GetResult();

        ArchitectureAssert.Holds(result, "Application must reach Infrastructure only through its own interfaces");
    }

    [Fact]
    public void Application_does_not_depend_on_asp_net_core()
    {
        var result = Types.InAssembly(ApplicationAssembly).ShouldNot().HaveDependencyOn("Microsoft.AspNetCore").GetResult();

        ArchitectureAssert.Holds(result, "Use cases must not know about HTTP");
    }

    [Fact]
    public void Application_does_not_depend_on_a_database_provider()
    {
        var result = Types.InAssembly(ApplicationAssembly).ShouldNot().HaveDependencyOnAny(DatabaseProviders).GetResult();

        ArchitectureAssert.Holds(result, "Use cases must stay provider-neutral");
    }

    [Fact]
    public void Application_references_neither_provider_packages_nor_asp_net_core_nor_our_outer_layers()
    {
        string[] forbidden = [.. DatabaseProviders, "Microsoft.AspNetCore", InfrastructureNamespace, WebApiNamespace, DashboardNamespace];

        var references = ReferencedAssemblies(ApplicationAssembly)
            .Where(name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));

        Assert.Empty(references);
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_the_web_host()
    {
        var result = Types.InAssembly(InfrastructureAssembly).ShouldNot().HaveDependencyOn(WebApiNamespace).GetResult();

        ArchitectureAssert.Holds(result, "Infrastructure must not reach back into WebApi");
        Assert.DoesNotContain(WebApiAssembly.GetName().Name, ReferencedAssemblies(InfrastructureAssembly));
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_the_dashboard()
    {
        var result = Types.InAssembly(InfrastructureAssembly).ShouldNot().HaveDependencyOn(DashboardNamespace).GetResult();

        ArchitectureAssert.Holds(result, "Infrastructure must not reach into the dashboard");
    }

    [Fact]
    public void Dashboard_depends_on_application_and_domain_but_not_on_infrastructure_or_the_host()
    {
        var result = Types.InAssembly(DashboardAssembly).ShouldNot()
            .HaveDependencyOnAny(InfrastructureNamespace, WebApiNamespace)
            .GetResult();

        ArchitectureAssert.Holds(result, "The dashboard runs use cases through the mediator; it must not use Infrastructure or WebApi");
        Assert.Contains(ApplicationAssembly.GetName().Name, ReferencedAssemblies(DashboardAssembly));
    }

    [Fact]
    public void Dashboard_references_no_database_provider_nor_ef_core_nor_our_outer_layers()
    {
        string[] forbidden = [.. DatabaseProviders, "Microsoft.EntityFrameworkCore", InfrastructureNamespace, WebApiNamespace];

        var references = ReferencedAssemblies(DashboardAssembly)
            .Where(name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));

        Assert.Empty(references);
    }

    [Fact]
    public void Dashboard_does_not_query_the_database_directly()
    {
        var result = Types.InAssembly(DashboardAssembly).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "NovaPulse.Application.Common.Interfaces.IAppDbContext")
            .GetResult();

        ArchitectureAssert.Holds(result, "Dashboard pages send commands and queries; they never touch IAppDbContext");
    }

    private static IEnumerable<string> ReferencedAssemblies(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");
}
