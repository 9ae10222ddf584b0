using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A mail server that accepts every connection and then says nothing (no greeting, ever), holding the socket until the
/// client gives up: a tarpit, or a server a company points at us on purpose to tie up shared workers.
/// </summary>
public sealed class TarpitSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _held = [];
    private int _connections;

    public TarpitSmtpServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far.</summary>
    public int Connections => _connections;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _held)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _held.Add(await _listener.AcceptTcpClientAsync(_stop.Token));
                Interlocked.Increment(ref _connections);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }
}
