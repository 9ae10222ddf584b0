using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace NovaPulse.Sdk;

/// <summary>
/// Verifies NovaPulse webhook deliveries (Standard Webhooks v1): the <c>webhook-signature</c> header holds one or more
/// space-separated <c>v1,&lt;base64 HMAC-SHA256&gt;</c> signatures of <c>"{webhook-id}.{webhook-timestamp}.{body}"</c>, keyed
/// with the base64-decoded part of the <c>whsec_...</c> secret; the timestamp must be within 5 minutes of now.
/// </summary>
public static class WebhookVerifier
{
    /// <summary>How far the timestamp may be from now, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";

    /// <summary>Verifies a delivery given its headers (names case-insensitive) and raw body.</summary>
    /// <exception cref="WebhookVerificationException">Missing headers, stale timestamp, or no matching signature.</exception>
    public static void Verify(IEnumerable<KeyValuePair<string, string>> headers, string body, string secret, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var list = headers.ToList();
        string? Find(string name) => list.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        Verify(Find("webhook-id"), Find("webhook-timestamp"), Find("webhook-signature"), body, secret, (timeProvider ?? TimeProvider.System).GetUtcNow());
    }

    /// <summary>Verifies a delivery given the request's headers and raw body.</summary>
    /// <exception cref="WebhookVerificationException">Missing headers, stale timestamp, or no matching signature.</exception>
    public static void Verify(HttpHeaders headers, string body, string secret, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? Find(string name) => headers.TryGetValues(name, out var values) ? string.Join(' ', values) : null;
        Verify(Find("webhook-id"), Find("webhook-timestamp"), Find("webhook-signature"), body, secret, (timeProvider ?? TimeProvider.System).GetUtcNow());
    }

    /// <summary>Verifies a delivery from its three header values and raw body at the instant <paramref name="now"/>.</summary>
    /// <exception cref="WebhookVerificationException">Missing headers, stale timestamp, or no matching signature.</exception>
    public static void Verify(string? id, string? timestamp, string? signatureHeader, string body, string secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        var key = DecodeSecret(secret);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new WebhookVerificationException("Missing the webhook-id header.");
        }

        if (string.IsNullOrWhiteSpace(timestamp))
        {
            throw new WebhookVerificationException("Missing the webhook-timestamp header.");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            throw new WebhookVerificationException("Missing the webhook-signature header.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new WebhookVerificationException($"The webhook-timestamp header '{timestamp}' is not a Unix time in seconds.");
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (sent < now - Tolerance)
        {
            throw new WebhookVerificationException($"The webhook timestamp {sent:O} is older than the {Tolerance.TotalMinutes:0}-minute tolerance (possible replay).");
        }

        if (sent > now + Tolerance)
        {
            throw new WebhookVerificationException($"The webhook timestamp {sent:O} is more than {Tolerance.TotalMinutes:0} minutes in the future.");
        }

        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        var sawV1 = false;
        foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = candidate.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !candidate.AsSpan(0, comma).SequenceEqual("v1"))
            {
                continue;
            }

            sawV1 = true;
            var actual = new byte[expected.Length + 3];
            if (Convert.TryFromBase64String(candidate[(comma + 1)..], actual, out var written)
                && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(actual.AsSpan(0, written), expected))
            {
                return;
            }
        }

        throw new WebhookVerificationException(sawV1
            ? "No v1 signature in the webhook-signature header matches the body; the body was changed or the secret is wrong."
            : "The webhook-signature header holds no v1 signature.");
    }

    /// <summary>Signs a payload the way NovaPulse does: <c>v1,&lt;base64&gt;</c>. Handy to test receivers.</summary>
    public static string Sign(string id, string timestamp, string body, string secret)
    {
        var key = DecodeSecret(secret);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
    }

    private static byte[] DecodeSecret(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException("The webhook secret is empty; pass the endpoint's whsec_... secret.", nameof(secret));
        }

        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        try
        {
            return Convert.FromBase64String(encoded);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The webhook secret is not 'whsec_' followed by base64.", nameof(secret), e);
        }
    }
}
