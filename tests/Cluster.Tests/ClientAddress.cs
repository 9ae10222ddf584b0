using System.Net;
using System.Net.Sockets;

namespace NovaPulse.Cluster.Tests;

/// <summary>
/// An HTTP client whose connections leave from a loopback address of its choosing (all of 127.0.0.0/8 is local), so
/// the proxy sees a different client: the honest way to be a second client on one machine. A forged X-Forwarded-For
/// does not do it: nginx appends the address it saw and the hosts believe only that one.
/// </summary>
public static class ClientAddress
{
    public static HttpClient From(string address, Uri baseAddress)
    {
        var local = new IPEndPoint(IPAddress.Parse(address), 0);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(local);
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }
}
