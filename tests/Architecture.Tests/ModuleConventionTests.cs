using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;
using NovaPulse.Infrastructure.Configuration;
using static NovaPulse.Architecture.Tests.Layers;

namespace NovaPulse.Architecture.Tests;

/// <summary>Infrastructure is a set of areas that each register themselves; the outbox knows none of its consumers.</summary>
public sealed class ModuleConventionTests
{
    private static readonly string[] Areas =
        ["Persistence", "Security", "Storage", "Cluster", "Redis", "Workers", "Outbox", "Webhooks", "Billing", "Integrations"];

    private static readonly List<Type> Modules = [.. InfrastructureAssembly.GetTypes().Where(t => t.IsClass && t.Name.EndsWith("Module", StringComparison.Ordinal))];

    [Fact]
    public void The_outbox_references_no_webhook_notification_or_event_stream_type()
    {
        var result = Types.InAssembly(InfrastructureAssembly).That().ResideInNamespace($"{InfrastructureNamespace}.Outbox")
            .ShouldNot().HaveDependencyOnAny(
                $"{DomainNamespace}.Webhooks", $"{ApplicationNamespace}.Webhooks", $"{InfrastructureNamespace}.Webhooks",
                $"{DomainNamespace}.Integrations", $"{ApplicationNamespace}.Integrations", $"{InfrastructureNamespace}.Integrations",
                $"{ApplicationNamespace}.Events")
            .GetResult();

        ArchitectureAssert.Holds(result, "The outbox hands events to every IOutboxEventConsumer and must not name its consumers");
    }

    [Fact]
    public void Every_area_has_one_module_in_its_folder_with_one_Add_method()
    {
        foreach (var area in Areas)
        {
            var module = Assert.Single(Modules, t => t.Name == area + "Module");
            Assert.Equal($"{InfrastructureNamespace}.{area}", module.Namespace);
            var add = Assert.Single(module.GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name.StartsWith("Add", StringComparison.Ordinal));
            Assert.Equal("Add" + area, add.Name);
            Assert.Equal([typeof(IServiceCollection), typeof(ModuleContext)], add.GetParameters().Select(p => p.ParameterType));
        }

        Assert.Equal(Areas.Length, Modules.Count);
    }

    [Fact]
    public void AddInfrastructure_only_composes_the_modules()
    {
        var addInfrastructure = typeof(NovaPulse.Infrastructure.DependencyInjection).GetMethod(nameof(NovaPulse.Infrastructure.DependencyInjection.AddInfrastructure))!;
        var called = CalledMethods(addInfrastructure).ToList();

        var modules = called.Where(m => Modules.Contains(m.DeclaringType!)).Select(m => m.DeclaringType!.Name).Order(StringComparer.Ordinal);
        Assert.Equal(Areas.Select(a => a + "Module").Order(StringComparer.Ordinal), modules);
        var others = called.Where(m => !Modules.Contains(m.DeclaringType!) && m.DeclaringType != typeof(ModuleContext) && m.DeclaringType != typeof(TimeProvider))
            .Select(m => m.Name).ToList();
        // Besides the modules: the shared clock.
        Assert.Equal(["AddSingleton"], others);
    }

    [Fact]
    public void Services_are_registered_only_by_modules()
    {
        var offenders = InfrastructureAssembly.GetTypes()
            // SettingValidation.ValidateSettings is the modules' helper for registering an options validator.
            .Where(t => !IsModuleOrNested(t) && t != typeof(NovaPulse.Infrastructure.DependencyInjection) && t != typeof(SettingValidation)
                && t.DeclaringType != typeof(SettingValidation))
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetMethodBody() is not null)
                .SelectMany(CalledMethods)
                .Any(IsRegistration));

        ArchitectureAssert.NoneOf(offenders, "Only an area's <Area>Module registers services (AddSingleton, AddHostedService, AddOptions, AddHttpClient...)");
    }

    private static bool IsModuleOrNested(Type type) =>
        Modules.Contains(type) || (type.DeclaringType is { } outer && IsModuleOrNested(outer));

    private static bool IsRegistration(MethodBase method) =>
        method.Name.StartsWith("Add", StringComparison.Ordinal) && method.DeclaringType?.Namespace == "Microsoft.Extensions.DependencyInjection";

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The methods a method's IL calls (call, callvirt, newobj, ldftn), read opcode by opcode.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodInfo method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var position = 0;
        while (position < il.Length)
        {
            var value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            var opCode = OpCodesByValue[value];
            position += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, position);
                var called = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.GetGenericArguments());
                if (called is not null)
                {
                    yield return called;
                }
            }

            position += OperandSize(opCode, il, position);
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int position) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
