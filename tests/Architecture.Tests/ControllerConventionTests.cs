using Microsoft.AspNetCore.Mvc;
using NetArchTest.Rules;
using NovaPulse.WebApi.Controllers;
using static NovaPulse.Architecture.Tests.Layers;

namespace NovaPulse.Architecture.Tests;

public sealed class ControllerConventionTests
{
    private const string ControllersNamespace = "NovaPulse.WebApi.Controllers";

    [Fact]
    public void Controllers_live_in_the_controllers_namespace()
    {
        var result = Types.InAssembly(WebApiAssembly).That().Inherit(typeof(ControllerBase)).And().AreNotAbstract()
            .Should().ResideInNamespace(ControllersNamespace).GetResult();

        ArchitectureAssert.Holds(result, $"Controllers belong in {ControllersNamespace}");
    }

    [Fact]
    public void Every_controller_inherits_api_controller_base()
    {
        var controllers = ConcreteTypes(WebApiAssembly)
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) || t.Name.EndsWith("Controller", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(controllers);
        ArchitectureAssert.NoneOf(controllers.Where(t => !t.IsSubclassOf(typeof(ApiControllerBase))), "Controllers must inherit ApiControllerBase");
    }

    [Fact]
    public void Controllers_are_named_controller()
    {
        var misnamed = ConcreteTypes(WebApiAssembly)
            .Where(t => t.IsSubclassOf(typeof(ControllerBase)) && !t.Name.EndsWith("Controller", StringComparison.Ordinal));

        ArchitectureAssert.NoneOf(misnamed, "Controllers must be named *Controller");
    }

    [Fact]
    public void Controllers_do_not_use_the_database_directly()
    {
        var result = Types.InAssembly(WebApiAssembly).That().ResideInNamespace(ControllersNamespace)
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "NovaPulse.Infrastructure.Persistence")
            .GetResult();

        ArchitectureAssert.Holds(result, "Controllers stay thin: they send requests to the mediator");
    }
}
