using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Integrations.Common;
using Polly.CircuitBreaker;

namespace NovaPulse.Infrastructure.Integrations;

/// <summary>
/// Posts to Slack incoming webhooks through the named <see cref="ClientName"/> client (SSRF check at connect time, 5xx
/// retried with backoff within one time budget, per-host breaker). Slack answers errors as plain-text codes; 403/404/410
/// (action_prohibited, channel_not_found, channel_is_archived, invalid_token, no_service) mean the webhook will never work again.
/// </summary>
public sealed class SlackWebhookClient(IHttpClientFactory clients, IOptions<IntegrationOptions> options) : ISlackClient
{
    public const string ClientName = "slack";

    /// <summary>Slack's answers are short codes; the URL is the customer's, so whatever answers there is read this far only.</summary>
    public const int MaxReplyBytes = 4096;

    public async Task<SendResult> PostAsync(Uri webhookUrl, string text, string? channel, CancellationToken cancellationToken)
    {
        var escaped = Escape(text);
        object payload = channel is null ? new { text = escaped } : new { text = escaped, channel };
        // The whole send, retries included, gets Integrations:TimeoutSeconds of wall-clock time.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = JsonContent.Create(payload) };
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, budget.Token);
            var body = (await ReadReplyAsync(response, budget.Token)).Trim();
            var code = body.Length is > 0 and <= 100 ? body : "no reason given";
            return response.StatusCode switch
            {
                HttpStatusCode.OK => SendResult.Ok,
                HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone =>
                    SendResult.Permanent($"Slack refused the webhook ({(int)response.StatusCode} {code})."),
                _ => SendResult.Transient($"Slack answered {(int)response.StatusCode} ({code})."),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return SendResult.Transient("Slack did not answer within the timeout.");
        }
        catch (BrokenCircuitException)
        {
            return SendResult.Transient($"Circuit open for {webhookUrl.Authority} after repeated failures; not attempted.");
        }
        catch (HttpRequestException e)
        {
            return SendResult.Transient($"Could not reach Slack: {e.Message}");
        }
    }

    /// <summary>
    /// Slack reads <c>&lt;...&gt;</c> in message text as links and mentions (<c>&lt;!channel&gt;</c> pings everyone), and
    /// asks for exactly these three characters to be escaped; our texts carry tenant data such as task titles.
    /// </summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The first <see cref="MaxReplyBytes"/> of the reply; the rest is never read (the connection is dropped with it).</summary>
    private static async Task<string> ReadReplyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxReplyBytes];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
