using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Internal;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.UnitTests;
using NovaPulse.Infrastructure.Configuration;
using NovaPulse.Infrastructure.Persistence;

namespace NovaPulse.Infrastructure.Tests.Persistence;

/// <summary>The persistence module alone, on an in-memory SQLite database, for tests of the context and its pool.</summary>
internal static class PersistenceServices
{
    public static ServiceProvider Build(Action<IServiceCollection>? configure = null)
    {
        var module = new ModuleContext(
            new ConfigurationBuilder().Build(), new HostingEnvironment(), Path.GetTempPath(),
            new DatabaseConnection(DatabaseProvider.Sqlite, "Data Source=:memory:"), WorkersEnabled: false);
        var services = new ServiceCollection();
        services.AddScoped<ICurrentUser, TestCurrentUser>();
        services.AddPersistence(module);
        // Saving is not under test: the interceptors' own services (clock, wake-ups, request) stay out of it.
        services.RemoveAll<ISaveChangesInterceptor>();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
