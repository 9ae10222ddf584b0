namespace NovaPulse.Application.Webhooks.Common;

/// <summary>
/// POSTs one signed webhook request. Never throws for the receiver's faults (timeouts, refused connections, refused
/// private targets): they come back as a result with <see cref="WebhookSendResult.Error"/>.
/// </summary>
public interface IWebhookSender
{
    Task<WebhookSendResult> SendAsync(Uri url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken);
}

/// <summary>The receiver's answer: status, the first 2 KB of the body, timing, and Retry-After when it sent one.</summary>
public sealed record WebhookSendResult(int? StatusCode, string? ResponseBody, TimeSpan Duration, string? Error, TimeSpan? RetryAfter)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
