using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NovaPulse.Application.ApiKeys.Authenticate;
using NovaPulse.Application.Auth.Common;
using NovaPulse.Application.Common.Security;
using NovaPulse.Infrastructure.Workers;
using Npgsql;

namespace NovaPulse.Infrastructure.Cluster;

/// <summary>
/// Holds one connection that <c>LISTEN</c>s on <see cref="ClusterNotice.Channel"/> and acts on the other hosts' notices:
/// wakes this process's workers and event streams, evicts access cache entries. When the connection breaks it
/// reconnects with backoff; meanwhile workers and streams poll and cache entries expire by their lifetime. After a
/// reconnect it evicts the whole access cache and wakes everything, because notices sent meanwhile are lost.
/// </summary>
public sealed partial class PostgreSqlNotificationListener(
    PostgreSqlChannel channel, WakeUps wakeUps, IMemoryCache cache, ILogger<PostgreSqlNotificationListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await channel.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ClusterNotice.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                LogListening(logger);
                if (failures > 0)
                {
                    (cache as MemoryCache)?.Clear();
                    wakeUps.All();
                    failures = 0;
                }

                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var delay = Backoff.Next(TimeSpan.FromSeconds(1), failures, TimeSpan.FromSeconds(30));
                LogConnectionLost(logger, delay, e);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Receive(string payload)
    {
        if (ClusterNotice.Parse(payload) is not { } notice || notice.Origin == channel.Origin)
        {
            return;
        }

        if (wakeUps.Received(notice))
        {
            return;
        }

        switch (notice)
        {
            case { Kind: AccessCacheNotices.ApiKey, Id: { } keyId }:
                ApiKeyAuthenticator.Evict(cache, keyId);
                break;
            case { Kind: AccessCacheNotices.Member, Id: { } userId }:
                CurrentRoles.Evict(cache, userId);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for the other hosts' notices")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification channel lost; reconnecting in {Delay} (polling meanwhile)")]
    private static partial void LogConnectionLost(ILogger logger, TimeSpan delay, Exception exception);
}
