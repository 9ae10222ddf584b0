using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// An HTTP server on loopback that answers every request 404 with a chunked body that never ends (a chunk every 10 ms
/// until the client hangs up): what a hostile URL can do to a client that reads replies whole.
/// </summary>
public sealed class EndlessReplyServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public EndlessReplyServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://localhost:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = new byte[64 * 1024];
                _ = await stream.ReadAsync(request, _stop.Token);
                await stream.WriteAsync("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"u8.ToArray(), _stop.Token);
                var chunk = Encoding.ASCII.GetBytes($"4000\r\n{new string('x', 0x4000)}\r\n");
                while (!_stop.IsCancellationRequested)
                {
                    await stream.WriteAsync(chunk, _stop.Token);
                    await Task.Delay(10, _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The client hung up, or the test is over.
            }
        }
    }
}
