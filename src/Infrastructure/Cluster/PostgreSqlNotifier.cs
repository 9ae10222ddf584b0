using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NovaPulse.Application.Common.Interfaces;
using Npgsql;
using NpgsqlTypes;

namespace NovaPulse.Infrastructure.Cluster;

/// <summary>
/// Sends notices with <c>pg_notify</c> after the change committed. Wake-ups are queued and sent in the background, the
/// ones waiting coalesced into one statement (a burst of commits costs one round trip); cache invalidations are sent
/// before the request that made them answers.
/// </summary>
public sealed partial class PostgreSqlNotifier(PostgreSqlChannel channel, ILogger<PostgreSqlNotifier> logger)
    : BackgroundService, IClusterBroadcast, IClusterNotifier
{
    private readonly Channel<string> _wakeUps = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Signal(string kind, Guid? id = null) => _wakeUps.Writer.TryWrite(new ClusterNotice(channel.Origin, kind, id).Format());

    public async Task NotifyAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync([new ClusterNotice(channel.Origin, kind, id).Format()], cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            LogNotifyFailed(logger, kind, e);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (await _wakeUps.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_wakeUps.Reader.TryRead(out var payload))
                {
                    pending.Add(payload);
                }

                try
                {
                    await SendAsync([.. pending], stoppingToken);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    // The others poll meanwhile; a brief pause keeps a database outage from spinning this loop.
                    LogNotifyFailed(logger, string.Join(',', pending), e);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }

                pending.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(string[] payloads, CancellationToken cancellationToken)
    {
        await using var command = channel.DataSource.CreateCommand("SELECT pg_notify($1, p) FROM unnest($2) AS p");
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterNotice.Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not notify the other hosts ({Kind}); they poll or their cache entries expire")]
    private static partial void LogNotifyFailed(ILogger logger, string kind, Exception exception);
}
