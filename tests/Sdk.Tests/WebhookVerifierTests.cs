using System.Security.Cryptography;
using System.Text;

namespace NovaPulse.Sdk.Tests;

public sealed class WebhookVerifierTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Key);
    private const string Body = """{"type":"task.created","data":{"id":"0199"}}""";
    private const string Id = "msg_2b8f";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Computed here, independently of the SDK: base64(HMAC-SHA256(key, "id.timestamp.body")).
    private static string SignIndependently(byte[] key, string id, string timestamp, string body)
    {
        using var hmac = new HMACSHA256(key);
        return "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp + "." + body)));
    }

    private static Dictionary<string, string> Headers(string signature, string? timestamp = null) => new()
    {
        ["Webhook-Id"] = Id,
        ["Webhook-Timestamp"] = timestamp ?? Timestamp,
        ["Webhook-Signature"] = signature,
    };

    [Fact]
    public void A_valid_signature_passes()
    {
        WebhookVerifier.Verify(Headers(SignIndependently(Key, Id, Timestamp, Body)), Body, Secret);
    }

    [Fact]
    public void A_valid_signature_passes_from_HttpHeaders()
    {
        using var request = new HttpRequestMessage();
        request.Headers.Add("webhook-id", Id);
        request.Headers.Add("webhook-timestamp", Timestamp);
        request.Headers.Add("webhook-signature", SignIndependently(Key, Id, Timestamp, Body));

        WebhookVerifier.Verify(request.Headers, Body, Secret);
    }

    [Fact]
    public void Sign_matches_the_independent_computation()
    {
        Assert.Equal(SignIndependently(Key, Id, Timestamp, Body), WebhookVerifier.Sign(Id, Timestamp, Body, Secret));
    }

    [Fact]
    public void A_tampered_body_fails()
    {
        var headers = Headers(SignIndependently(Key, Id, Timestamp, Body));

        var error = Assert.Throws<WebhookVerificationException>(() => WebhookVerifier.Verify(headers, Body.Replace("0199", "0200", StringComparison.Ordinal), Secret));

        Assert.Contains("matches", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_secret_fails()
    {
        var headers = Headers(SignIndependently(Key, Id, Timestamp, Body));
        var other = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        Assert.Throws<WebhookVerificationException>(() => WebhookVerifier.Verify(headers, Body, other));
    }

    [Fact]
    public void A_stale_timestamp_fails_even_when_correctly_signed()
    {
        var old = Now.AddMinutes(-6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<WebhookVerificationException>(() =>
            WebhookVerifier.Verify(Headers(SignIndependently(Key, Id, old, Body), old), Body, Secret));

        Assert.Contains("tolerance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timestamp_far_in_the_future_fails()
    {
        var future = Now.AddMinutes(6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<WebhookVerificationException>(() =>
            WebhookVerifier.Verify(Headers(SignIndependently(Key, Id, future, Body), future), Body, Secret));

        Assert.Contains("future", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_matching_signature_among_several_passes()
    {
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var header = $"v1,{Convert.ToBase64String(new byte[32])} {SignIndependently(oldKey, Id, Timestamp, Body)} {SignIndependently(Key, Id, Timestamp, Body)}";

        WebhookVerifier.Verify(Headers(header), Body, Secret);
    }

    [Fact]
    public void Several_signatures_none_matching_fail()
    {
        var header = $"{SignIndependently(RandomNumberGenerator.GetBytes(32), Id, Timestamp, Body)} v2,abc";

        Assert.Throws<WebhookVerificationException>(() => WebhookVerifier.Verify(Headers(header), Body, Secret));
    }

    [Fact]
    public void Missing_headers_are_named_in_the_message()
    {
        var error = Assert.Throws<WebhookVerificationException>(() =>
            WebhookVerifier.Verify(new Dictionary<string, string> { ["webhook-id"] = Id }, Body, Secret));

        Assert.Contains("webhook-timestamp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_without_v1_is_reported()
    {
        var error = Assert.Throws<WebhookVerificationException>(() => WebhookVerifier.Verify(Headers("v1a,xyz"), Body, Secret));

        Assert.Contains("no v1 signature", error.Message, StringComparison.Ordinal);
    }
}
