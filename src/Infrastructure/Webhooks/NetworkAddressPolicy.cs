using System.Net;
using System.Net.Sockets;

namespace NovaPulse.Infrastructure.Webhooks;

/// <summary>
/// Which addresses a customer-supplied URL may reach: public unicast IPv4, and global unicast IPv6 (2000::/3) outside
/// the special-purpose blocks. IPv6 forms that carry an IPv4 address are judged by that address, since the packet ends
/// up there: IPv4-mapped (this host's own IPv4 stack), NAT64 <c>64:ff9b::/96</c> and 6to4 <c>2002::/16</c> (a translator
/// or relay forwards it).
/// </summary>
public static class NetworkAddressPolicy
{
    private static readonly string[] BlockedHostNames = ["localhost", "metadata.google.internal", "metadata"];

    public static bool IsBlockedHostName(string host) =>
        BlockedHostNames.Contains(host.TrimEnd('.'), StringComparer.OrdinalIgnoreCase)
        || host.TrimEnd('.').EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.TrimEnd('.').EndsWith(".internal", StringComparison.OrdinalIgnoreCase);

    public static bool IsPublic(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => IsPublicIPv4(address.GetAddressBytes()),
        AddressFamily.InterNetworkV6 => IsPublicIPv6(address.GetAddressBytes()),
        _ => false,
    };

    private static bool IsPublicIPv4(ReadOnlySpan<byte> b) =>
        !(b[0] == 0                                      // "this" network
        || b[0] == 10                                    // private
        || b[0] == 127                                   // loopback
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)    // carrier-grade NAT
        || (b[0] == 169 && b[1] == 254)                  // link-local, cloud metadata (169.254.169.254)
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)     // private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // IETF protocol assignments
        || (b[0] == 192 && b[1] == 0 && b[2] == 2)       // documentation
        || (b[0] == 192 && b[1] == 88 && b[2] == 99)     // 6to4 relay anycast (deprecated)
        || (b[0] == 192 && b[1] == 168)                  // private
        || (b[0] == 198 && (b[1] == 18 || b[1] == 19))   // benchmarking
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)    // documentation
        || (b[0] == 203 && b[1] == 0 && b[2] == 113)     // documentation
        || b[0] >= 224);                                 // multicast, reserved, broadcast

    private static bool IsPublicIPv6(ReadOnlySpan<byte> b)
    {
        if (b[..10].IndexOfAnyExcept((byte)0) < 0 && b[10] == 0xFF && b[11] == 0xFF)
        {
            return IsPublicIPv4(b[12..]);                // IPv4-mapped ::ffff:0:0/96
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPublicIPv4(b[12..]);                // NAT64 well-known prefix 64:ff9b::/96
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicIPv4(b[2..6]);                // 6to4 2002::/16, the IPv4 address in bits 16-47
        }

        // Everything outside 2000::/3 is refused: ::/96 (IPv4-compatible, deprecated; also :: and ::1), the local-use
        // NAT64 prefix 64:ff9b:1::/48, discard 100::/64, unique local fc00::/7 (incl. fd00:ec2::254 metadata),
        // link-local fe80::/10, site-local fec0::/10, multicast ff00::/8.
        return (b[0] & 0xE0) == 0x20
            && !(b[0] == 0x20 && b[1] == 0x01 && b[2] <= 0x01)                     // 2001::/23 IETF protocol assignments (Teredo 2001::/32, benchmarking, ORCHID)
            && !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)     // documentation 2001:db8::/32
            && !(b[0] == 0x3F && b[1] == 0xFF && b[2] <= 0x0F);                    // documentation 3fff::/20
    }
}
