using System.Reflection;
using Microsoft.Extensions.Logging;

namespace NovaPulse.Architecture.Tests;

public sealed class LoggingConventionTests
{
    private static readonly Assembly[] Assemblies =
        [Layers.ApplicationAssembly, Layers.InfrastructureAssembly, Layers.WebApiAssembly, Layers.DashboardAssembly];

    /// <summary>
    /// <c>{EventId}</c> is the logging framework's own property (the message's event id): a placeholder of that name is
    /// shadowed by it, so the value passed never reaches the log. Outbox and webhook ids need a name of their own.
    /// </summary>
    [Fact]
    public void No_log_message_uses_the_reserved_EventId_placeholder()
    {
        var offenders = Assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<LoggerMessageAttribute>()?.Message.Contains("{EventId}", StringComparison.Ordinal) == true)
            .Select(m => m.DeclaringType!)
            .Distinct();

        ArchitectureAssert.NoneOf(offenders, "Log messages must not use {EventId} as a placeholder");
    }
}
