using Npgsql;

namespace NovaPulse.Infrastructure.Cluster;

/// <summary>
/// The connections of the notification channel, apart from EF's pool (the listener holds one for the process's whole
/// life), and this process's identity on it.
/// </summary>
public sealed class PostgreSqlChannel : IDisposable
{
    public PostgreSqlChannel(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "novapulse-notifications",
            // A listener on a dead TCP connection would wait forever: keepalives surface the break so it reconnects.
            KeepAlive = 15,
            MaxPoolSize = 4,
            // The listener's connection goes back to this pool when it reconnects: the reset (UNLISTEN) keeps a notifier
            // that reuses it from receiving notices, whatever the API's own connections skip.
            NoResetOnClose = false,
        };
        DataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Names this process in its notices so it can skip its own.</summary>
    public Guid Origin { get; } = Guid.NewGuid();

    public void Dispose() => DataSource.Dispose();
}
