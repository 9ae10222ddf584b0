using System.Net;
using NovaPulse.Infrastructure.Webhooks;

namespace NovaPulse.Infrastructure.Tests.Webhooks;

/// <summary>The SSRF guard's address classifier, used for webhook endpoints, Slack URLs and SMTP hosts.</summary>
public sealed class NetworkAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.8")]
    [InlineData("172.20.1.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    public void Private_and_special_ipv4_addresses_are_refused(string address) => AssertRefused(address);

    [Theory]
    [InlineData("::ffff:127.0.0.1")]            // IPv4-mapped
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::7f00:1")]             // NAT64 of 127.0.0.1
    [InlineData("64:ff9b::10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]          // NAT64 of 169.254.169.254
    [InlineData("::127.0.0.1")]                 // IPv4-compatible (deprecated)
    [InlineData("::8.8.8.8")]
    [InlineData("2002:7f00:1::1")]              // 6to4 of 127.0.0.1
    [InlineData("2002:a9fe:a9fe::")]            // 6to4 of 169.254.169.254
    [InlineData("2002:c0a8:101:1::1")]          // 6to4 of 192.168.1.1
    public void Ipv6_forms_embedding_a_non_public_ipv4_address_are_refused(string address) => AssertRefused(address);

    [Theory]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]                     // link-local
    [InlineData("fec0::1")]                     // site-local
    [InlineData("fc00::1")]                     // unique local
    [InlineData("fd00:ec2::254")]               // AWS metadata (unique local)
    [InlineData("ff02::1")]                     // multicast
    [InlineData("2001:db8::1")]                 // documentation
    [InlineData("3fff::1")]                     // documentation
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo
    [InlineData("2001:2::1")]                   // benchmarking
    [InlineData("64:ff9b:1::a00:1")]            // local-use NAT64
    [InlineData("100::1")]                      // discard-only
    [InlineData("4000::1")]                     // outside global unicast 2000::/3
    public void Ipv6_outside_global_unicast_is_refused(string address) => AssertRefused(address);

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    [InlineData("2a00:1450:4001:82b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]            // NAT64 of 8.8.8.8
    [InlineData("2002:808:808::1")]             // 6to4 of 8.8.8.8
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(NetworkAddressPolicy.IsPublic(IPAddress.Parse(address)), address);

    private static void AssertRefused(string address) =>
        Assert.False(NetworkAddressPolicy.IsPublic(IPAddress.Parse(address)), address);
}
