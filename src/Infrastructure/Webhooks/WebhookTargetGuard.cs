using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Webhooks.Common;

namespace NovaPulse.Infrastructure.Webhooks;

/// <summary>
/// The SSRF guard: at creation (this class) and again at every connection (<see cref="ConnectAsync"/>, after a fresh DNS
/// lookup, so a name re-pointed at an internal address later is still refused).
/// </summary>
public sealed class WebhookTargetGuard(IOptions<WebhookOptions> options) : IWebhookTargetGuard
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    public async ValueTask<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            return "'url' must use http or https.";
        }

        if (options.Value.AllowPrivateTargets)
        {
            return null;
        }

        try
        {
            var addresses = await ResolveAsync(url.IdnHost, cancellationToken);
            return addresses.FirstOrDefault(a => !NetworkAddressPolicy.IsPublic(a)) is { } blocked
                ? $"'url' points to a non-public address ({blocked}); webhooks can only target public hosts."
                : null;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            return $"'url' host '{url.Host}' could not be resolved.";
        }
    }

    /// <summary>The named client's connect step: resolves, refuses non-public addresses (unless allowed), connects.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);
        if (!allowPrivate && addresses.FirstOrDefault(a => !NetworkAddressPolicy.IsPublic(a)) is { } blocked)
        {
            throw new HttpRequestException($"Refused to connect to {host}: it resolves to a non-public address ({blocked}).");
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (NetworkAddressPolicy.IsBlockedHostName(host))
        {
            return [IPAddress.Loopback];
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        var addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
        return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }
}
