namespace NovaPulse.Application.Webhooks.Common;

/// <summary>
/// SSRF guard: refuses URLs that are not http(s) or whose host resolves to a loopback, private, link-local or cloud
/// metadata address (unless <c>Webhooks:AllowPrivateTargets</c>). Checked at creation; the sender re-checks at connect time.
/// </summary>
public interface IWebhookTargetGuard
{
    /// <summary>Why the URL is refused, or null when it may be called.</summary>
    ValueTask<string?> RefusalAsync(Uri url, CancellationToken cancellationToken);
}
