using System.Net;
using System.Net.Http.Json;
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

    public async Task<SendResult> PostAsync(Uri webhookUrl, string text, string? channel, CancellationToken cancellationToken)
    {
        object payload = channel is null ? new { text } : new { text, channel };
        // The whole send, retries included, gets Integrations:TimeoutSeconds of wall-clock time.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(ClientName).PostAsJsonAsync(webhookUrl, payload, budget.Token);
            var body = (await response.Content.ReadAsStringAsync(budget.Token)).Trim();
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
}
