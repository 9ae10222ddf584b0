using System.ComponentModel.DataAnnotations;

namespace NovaPulse.WebApi.Infrastructure.Metrics;

/// <summary>
/// Section <c>Metrics</c>: who may read <c>/metrics</c>. With none of the three set, Development serves everyone (as
/// before) and every other environment only loopback clients; setting any one replaces that default with what it says.
/// </summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Shortest accepted <see cref="BearerToken"/>: a scraper's credential, guessed over the network otherwise.</summary>
    public const int MinimumTokenLength = 32;

    /// <summary>When set, scrapes must send <c>Authorization: Bearer &lt;token&gt;</c> (401 otherwise).</summary>
    public string BearerToken { get; set; } = "";

    /// <summary>CIDR networks the client address (after forwarded headers) must be in (403 otherwise).</summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>When set, <c>/metrics</c> answers only on connections to this local port (404 on the others).</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    public bool HasToken => BearerToken.Length > 0;

    public bool TokenIsValid() => !HasToken || (BearerToken.Length >= MinimumTokenLength && !BearerToken.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)));

    public bool NetworksAreValid() => AllowedNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));
}
