using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NovaPulse.Infrastructure.Configuration;
using StackExchange.Redis;

namespace NovaPulse.Infrastructure.Redis;

public static class RedisModule
{
    /// <summary>Binds <c>Redis</c> and, when <c>Redis:Configuration</c> is set, registers one shared connection.</summary>
    public static IServiceCollection AddRedis(this IServiceCollection services, ModuleContext context)
    {
        var section = context.Configuration.GetSection(RedisOptions.SectionName);
        services.AddOptions<RedisOptions>().Bind(section)
            .Validate(o => !o.IsConfigured || TryParse(o.Configuration), "Redis:Configuration is not a valid StackExchange.Redis configuration string, e.g. 127.0.0.1:6379 (environment variable Redis__Configuration).")
            .ValidateOnStart();
        if (section.Get<RedisOptions>() is { IsConfigured: true })
        {
            services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(Options(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration)));
        }

        return services;
    }

    /// <summary>
    /// A host starts while Redis is down and reconnects by itself; meanwhile commands fail at once (no backlog), so a
    /// request waits for no timeout before the configured fail-open or fail-closed answer.
    /// </summary>
    private static ConfigurationOptions Options(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        return options;
    }

    private static bool TryParse(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
