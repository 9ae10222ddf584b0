using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// An independent implementation of the Standard Webhooks verification (as a receiver would write it from the spec,
/// sharing no code with the server): HMAC-SHA256 keyed with the base64 part of <c>whsec_...</c> over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>; the header holds space-separated <c>v1,&lt;base64&gt;</c> signatures.
/// </summary>
public static class StandardWebhooksVerifier
{
    public static bool Verify(string secret, ReceivedRequest request, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        var id = request.Headers["webhook-id"];
        var timestamp = long.Parse(request.Headers["webhook-timestamp"], CultureInfo.InvariantCulture);
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > (tolerance ?? TimeSpan.FromMinutes(5)).TotalSeconds)
        {
            return false;
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp.ToString(CultureInfo.InvariantCulture) + "." + request.Body));
        foreach (var candidate in request.Headers["webhook-signature"].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            if (parts is ["v1", var signature] && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(signature), expected))
            {
                return true;
            }
        }

        return false;
    }
}
