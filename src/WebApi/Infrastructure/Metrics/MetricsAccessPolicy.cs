using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NovaPulse.WebApi.Infrastructure.Metrics;

/// <summary>Decides whether a request may read <c>/metrics</c>, from <see cref="MetricsOptions"/> and the environment.</summary>
public sealed class MetricsAccessPolicy
{
    private static readonly System.Net.IPNetwork[] Loopback = [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")];

    private readonly int? _port;
    private readonly System.Net.IPNetwork[]? _networks;
    private readonly byte[]? _tokenHash;

    public MetricsAccessPolicy(IOptions<MetricsOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        _port = settings.Port;
        _tokenHash = settings.HasToken ? Hash(settings.BearerToken) : null;
        var restricted = settings.AllowedNetworks.Length > 0 || settings.HasToken || settings.Port is not null;
        _networks = settings.AllowedNetworks.Length > 0 ? [.. settings.AllowedNetworks.Select(n => System.Net.IPNetwork.Parse(n))]
            : restricted || environment.IsDevelopment() ? null
            : Loopback;
    }

    public MetricsAccess Judge(HttpContext context)
    {
        if (_port is { } port && context.Connection.LocalPort != port)
        {
            return MetricsAccess.NotOnThisPort;
        }

        if (_networks is not null && !IsIn(_networks, context.Connection.RemoteIpAddress))
        {
            return MetricsAccess.OutsideNetworks;
        }

        return _tokenHash is null || PresentedTokenMatches(context.Request, _tokenHash) ? MetricsAccess.Allowed : MetricsAccess.NoValidToken;
    }

    // No address (an in-process or Unix-socket connection) is in no network: a proxy on a socket forwards everyone.
    private static bool IsIn(System.Net.IPNetwork[] networks, IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var normalised = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(normalised));
    }

    private static bool PresentedTokenMatches(HttpRequest request, byte[] expectedHash)
    {
        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hashes have one length, so the comparison's time says nothing about the token's length or its first bytes.
        return CryptographicOperations.FixedTimeEquals(Hash(header[scheme.Length..].Trim()), expectedHash);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

public enum MetricsAccess
{
    Allowed,
    NotOnThisPort,
    OutsideNetworks,
    NoValidToken,
}
