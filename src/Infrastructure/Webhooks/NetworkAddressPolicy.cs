using System.Net;
using System.Net.Sockets;

namespace NovaPulse.Infrastructure.Webhooks;

/// <summary>Which addresses a webhook may reach: public unicast only (no loopback, private, link-local, metadata, CGNAT...).</summary>
public static class NetworkAddressPolicy
{
    private static readonly string[] BlockedHostNames = ["localhost", "metadata.google.internal", "metadata"];

    public static bool IsBlockedHostName(string host) =>
        BlockedHostNames.Contains(host.TrimEnd('.'), StringComparer.OrdinalIgnoreCase)
        || host.TrimEnd('.').EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.TrimEnd('.').EndsWith(".internal", StringComparison.OrdinalIgnoreCase);

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0                                   // "this" network
                || b[0] == 10                                    // private
                || b[0] == 127                                   // loopback
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)    // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                  // link-local, cloud metadata (169.254.169.254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)     // private
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // IETF protocol assignments
                || (b[0] == 192 && b[1] == 0 && b[2] == 2)       // documentation
                || (b[0] == 192 && b[1] == 168)                  // private
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))   // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)    // documentation
                || (b[0] == 203 && b[1] == 0 && b[2] == 113)     // documentation
                || b[0] >= 224);                                 // multicast, reserved, broadcast
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(IPAddress.IPv6Loopback.Equals(address)
                || IPAddress.IPv6Any.Equals(address)
                || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC                         // unique local fc00::/7 (incl. fd00:ec2::254 metadata)
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)); // documentation 2001:db8::/32
        }

        return false;
    }
}
