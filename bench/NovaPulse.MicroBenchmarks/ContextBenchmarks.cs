using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Tasks;
using NovaPulse.Infrastructure.Persistence;
using NovaPulse.Infrastructure.Persistence.Interceptors;
using NovaPulse.Infrastructure.Workers;

namespace NovaPulse.MicroBenchmarks;

/// <summary>
/// A request's database context, from its scope to its first query's services: options built per scope with scoped
/// interceptors (as before) against a context rented from the pool with singleton options and interceptors (now).
/// </summary>
[MemoryDiagnoser]
public sealed class ContextBenchmarks : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private ServiceProvider _perScope = null!;
    private ServiceProvider _pooled = null!;

    [GlobalSetup]
    public void Setup()
    {
        _connection.Open();
        _perScope = Services(services =>
        {
            services.AddScoped<ISaveChangesInterceptor, TenantStampInterceptor>();
            services.AddScoped<ISaveChangesInterceptor, AuditInterceptor>();
            services.AddScoped<ISaveChangesInterceptor, OutboxInterceptor>();
            services.AddDbContext<SqliteAppDbContext>((sp, options) => options.UseSqlite(_connection).AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
            services.AddScoped<AppDbContext>(sp => Acting(sp, sp.GetRequiredService<SqliteAppDbContext>()));
        });
        _pooled = Services(services =>
        {
            services.AddSingleton<ISaveChangesInterceptor, TenantStampInterceptor>();
            services.AddSingleton<ISaveChangesInterceptor, AuditInterceptor>();
            services.AddSingleton<ISaveChangesInterceptor, OutboxInterceptor>();
            services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, options) => options.UseSqlite(_connection).AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
            services.AddScoped<AppDbContext>(sp => Acting(sp, sp.GetRequiredService<IDbContextFactory<SqliteAppDbContext>>().CreateDbContext()));
        });
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _perScope.Dispose();
        _pooled.Dispose();
        _connection.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int OptionsPerScope() => UseOnce(_perScope);

    [Benchmark]
    public int Pooled() => UseOnce(_pooled);

    private static int UseOnce(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Builds the context's services (change tracker, state manager) without a round trip.
        return context.ChangeTracker.Entries<TaskItem>().Count();
    }

    private static AppDbContext Acting(IServiceProvider services, AppDbContext context)
    {
        context.CurrentUser = services.GetRequiredService<ICurrentUser>();
        return context;
    }

    private static ServiceProvider Services(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddKeyedSingleton<WorkSignal>(WorkSignal.Outbox);
        services.AddScoped<ICurrentUser, Nobody>();
        services.AddSingleton<IRequestContext, NoRequest>();
        configure(services);
        return services.BuildServiceProvider();
    }

    private sealed class Nobody : ICurrentUser
    {
        public bool IsAuthenticated => false;

        public Guid? UserId => null;

        public Guid? CompanyId => null;

        public NovaPulse.Domain.Common.Role? Role => null;

        public Guid? ApiKeyId => null;
    }

    private sealed class NoRequest : IRequestContext
    {
        public string? RequestId => null;

        public string? IpAddress => null;
    }
}
