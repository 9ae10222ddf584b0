using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;
using static NovaPulse.Architecture.Tests.Layers;

namespace NovaPulse.Architecture.Tests;

/// <summary>Application holds policy; files, threads and queues between threads are Infrastructure's business.</summary>
public sealed class PlumbingConventionTests
{
    // Prefixes: System.IO.File covers FileStream, FileInfo, FileMode, FileSystemInfo and the rest. Stream and
    // MemoryStream stay allowed: a stream is how bytes are handed across the port.
    private static readonly string[] FileAndThreadTypes =
    [
        "System.IO.File",
        "System.IO.Directory",
        "System.IO.DriveInfo",
        "System.IO.MemoryMappedFiles",
        "System.IO.Pipes",
        "System.Threading.Thread",
        "System.Threading.Channels",
        "System.Threading.Timer",
        "System.Threading.PeriodicTimer",
        "System.Threading.Tasks.TaskScheduler",
        "System.Threading.Tasks.TaskFactory",
    ];

    [Fact]
    public void Application_uses_no_file_system_thread_or_channel_types()
    {
        var result = Types.InAssembly(ApplicationAssembly).ShouldNot().HaveDependencyOnAny(FileAndThreadTypes).GetResult();

        ArchitectureAssert.Holds(result, "File, thread and channel plumbing belongs in Infrastructure behind an Application port");
    }

    [Fact]
    public void Application_starts_no_work_on_the_thread_pool()
    {
        // Task.Run and Task.Factory are members of Task, which every handler uses, so the calls themselves are looked for.
        using var module = ModuleDefinition.ReadModule(ApplicationAssembly.Location);
        var offenders = module.GetTypes()
            .SelectMany(t => t.Methods.Where(m => m.HasBody).Select(m => (Type: t, Method: m)))
            .Where(x => x.Method.Body.Instructions.Any(StartsPoolWork))
            .Select(x => $"{x.Type.FullName}.{x.Method.Name}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, $"Application must not start thread-pool work (Task.Run, Task.Factory). Offending methods: {string.Join(", ", offenders)}");
    }

    private static bool StartsPoolWork(Instruction instruction) =>
        instruction.Operand is MethodReference { DeclaringType.FullName: "System.Threading.Tasks.Task" } method
        && (method.Name == "Run" || method.Name == "get_Factory");
}
