using FluentValidation;
using NetArchTest.Rules;
using static NovaPulse.Architecture.Tests.Layers;

namespace NovaPulse.Architecture.Tests;

public sealed class UseCaseConventionTests
{
    [Fact]
    public void Every_mediator_handler_is_sealed_and_named_handler()
    {
        var handlers = ConcreteTypes(ApplicationAssembly).Where(IsMediatorHandler).ToList();

        Assert.NotEmpty(handlers);
        ArchitectureAssert.NoneOf(handlers.Where(t => !t.IsSealed), "Handlers must be sealed");
        ArchitectureAssert.NoneOf(handlers.Where(t => !t.Name.EndsWith("Handler", StringComparison.Ordinal)), "Handlers must be named *Handler");
    }

    [Fact]
    public void Types_named_handler_in_application_are_sealed()
    {
        var result = Types.InAssembly(ApplicationAssembly).That().HaveNameEndingWith("Handler").And().AreClasses()
            .Should().BeSealed().GetResult();

        ArchitectureAssert.Holds(result, "Handlers must be sealed");
    }

    [Fact]
    public void Mediator_handlers_live_only_in_application()
    {
        var elsewhere = new[] { DomainAssembly, InfrastructureAssembly, WebApiAssembly, DashboardAssembly }.SelectMany(ConcreteTypes).Where(IsMediatorHandler);

        ArchitectureAssert.NoneOf(elsewhere, "Use-case handlers belong to the Application layer");
    }

    [Fact]
    public void Every_validator_is_named_validator()
    {
        var validators = ConcreteTypes(ApplicationAssembly).Where(IsValidator).ToList();

        Assert.NotEmpty(validators);
        ArchitectureAssert.NoneOf(validators.Where(t => !t.Name.EndsWith("Validator", StringComparison.Ordinal)), "Validators must be named *Validator");
    }

    [Fact]
    public void Every_validator_is_named_after_the_request_it_validates()
    {
        var misnamed = ConcreteTypes(ApplicationAssembly).Where(IsValidator)
            .Where(t => t.Name != ValidatedType(t).Name + "Validator");

        ArchitectureAssert.NoneOf(misnamed, "A validator is named <Request>Validator");
    }

    private static bool IsMediatorHandler(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.Namespace == "Mediator" && i.Name.Contains("Handler", StringComparison.Ordinal));

    private static bool IsValidator(Type type) => ValidatedTypeOrNull(type) is not null;

    private static Type ValidatedType(Type validator) => ValidatedTypeOrNull(validator)!;

    private static Type? ValidatedTypeOrNull(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
