using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Application.Webhooks.Common;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Delivery;

/// <summary>
/// Makes one attempt of a delivery the caller has claimed: signs, sends, records the attempt, then schedules the next
/// try, completes the delivery, or disables the endpoint (410 Gone, or failing for <see cref="WebhookOptions.DisableAfter"/>).
/// Used by the delivery worker and by the test-send endpoint.
/// </summary>
public sealed class WebhookDeliveryProcessor(
    IAppDbContext db, IWebhookSender sender, ISecretProtector secrets, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string UserAgent = "NovaPulse-Webhooks/1";

    // Per batch: several deliveries to one endpoint touch its failure streak once.
    private readonly HashSet<Guid> _streakStarted = [];
    private readonly HashSet<Guid> _streakEnded = [];
    private readonly Dictionary<Guid, (Guid CompanyId, string Reason)> _toDisable = [];

    public async Task<WebhookAttemptOutcome> AttemptAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        (await AttemptManyAsync([deliveryId], cancellationToken))[0];

    /// <summary>
    /// Attempts a batch of claimed deliveries: one read, the HTTP calls concurrently (up to
    /// <see cref="WebhookOptions.MaxConcurrency"/>), then one write for all results. Outcomes are in the order of the ids.
    /// </summary>
    public async Task<IReadOnlyList<WebhookAttemptOutcome>> AttemptManyAsync(IReadOnlyList<Guid> deliveryIds, CancellationToken cancellationToken)
    {
        // Workers act for no tenant; each delivery row names its company.
        var deliveries = (await db.WebhookDeliveries.IgnoreQueryFilters()
                .Where(d => deliveryIds.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending)
                .ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id);
        var endpointIds = deliveries.Values.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = (await db.WebhookEndpoints.IgnoreQueryFilters().AsNoTracking()
                .Where(e => endpointIds.Contains(e.Id))
                .ToListAsync(cancellationToken))
            .ToDictionary(e => e.Id);

        var started = clock.GetUtcNow();
        var outcomes = new WebhookAttemptOutcome[deliveryIds.Count];
        var sends = new List<(int Index, WebhookDelivery Delivery, WebhookEndpoint Endpoint, Dictionary<string, string> Headers)>();
        for (var i = 0; i < deliveryIds.Count; i++)
        {
            if (!deliveries.TryGetValue(deliveryIds[i], out var delivery))
            {
                outcomes[i] = new WebhookAttemptOutcome(WebhookDeliveryOutcome.Skipped, null);
            }
            else if (!endpoints.TryGetValue(delivery.EndpointId, out var endpoint) || endpoint.CompanyId != delivery.CompanyId || !endpoint.Enabled)
            {
                delivery.Abandon(endpoint is null ? "The endpoint was deleted." : "The endpoint is disabled.", started);
                outcomes[i] = new WebhookAttemptOutcome(WebhookDeliveryOutcome.Abandoned, null);
            }
            else
            {
                sends.Add((i, delivery, endpoint, Headers(delivery, endpoint, started)));
            }
        }

        var results = new WebhookSendResult[sends.Count];
        await Parallel.ForAsync(
            0, sends.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken },
            async (n, token) =>
            {
                var (_, delivery, endpoint, headers) = sends[n];
                results[n] = await sender.SendAsync(new Uri(endpoint.Url), headers, delivery.Payload, token);
            });

        var now = clock.GetUtcNow();
        for (var n = 0; n < sends.Count; n++)
        {
            var (index, delivery, endpoint, headers) = sends[n];
            var result = results[n];
            db.WebhookAttempts.Add(WebhookAttempt.Record(
                delivery.CompanyId, delivery.Id, delivery.AttemptCount + 1, started, JsonSerializer.Serialize(headers),
                result.StatusCode, result.ResponseBody, (int)Math.Round(result.Duration.TotalMilliseconds), result.Error));
            WebhookDeliveryOutcome outcome;
            if (result.Succeeded)
            {
                delivery.RecordSuccess(result.StatusCode!.Value, now);
                await EndFailureStreakAsync(endpoint, cancellationToken);
                outcome = WebhookDeliveryOutcome.Succeeded;
            }
            else
            {
                outcome = await RecordFailureAsync(delivery, endpoint, result, now, cancellationToken);
            }

            outcomes[index] = new WebhookAttemptOutcome(outcome, result);
        }

        // Before (the first one with) the results: a delivery is never seen failed for good with its endpoint still enabled.
        foreach (var (endpointId, (companyId, reason)) in _toDisable)
        {
            await DisableAsync(companyId, endpointId, reason, now, cancellationToken);
        }

        _toDisable.Clear();
        await db.SaveChangesAsync(cancellationToken);
        return outcomes;
    }

    private Dictionary<string, string> Headers(WebhookDelivery delivery, WebhookEndpoint endpoint, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        return new Dictionary<string, string>
        {
            ["webhook-id"] = delivery.MessageId,
            ["webhook-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = WebhookSigner.SignatureHeader(
                endpoint.SigningSecrets(now).Select(secrets.Unprotect), delivery.MessageId, timestamp, delivery.Payload),
            ["content-type"] = "application/json",
            ["user-agent"] = UserAgent,
        };
    }

    private async Task EndFailureStreakAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (endpoint.FailingSince is not null && _streakEnded.Add(endpoint.Id))
        {
            await db.WebhookEndpoints.IgnoreQueryFilters().Where(e => e.Id == endpoint.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, (DateTimeOffset?)null), cancellationToken);
        }
    }

    private async Task<WebhookDeliveryOutcome> RecordFailureAsync(
        WebhookDelivery delivery, WebhookEndpoint endpoint, WebhookSendResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var error = result.Error ?? $"HTTP {result.StatusCode}";
        var failingSince = endpoint.FailingSince ?? now;
        if (endpoint.FailingSince is null && _streakStarted.Add(endpoint.Id))
        {
            // Only the first failure of a run writes: one row update per streak, not per attempt.
            await db.WebhookEndpoints.IgnoreQueryFilters().Where(e => e.Id == endpoint.Id && e.FailingSince == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, now), cancellationToken);
        }

        string? disableReason = null;
        if (result.StatusCode == 410)
        {
            disableReason = WebhookEndpoint.DisabledGone;
        }
        else if (now - failingSince >= options.Value.DisableAfter)
        {
            disableReason = WebhookEndpoint.DisabledFailing;
        }

        if (disableReason is not null)
        {
            delivery.RecordFailure(result.StatusCode, error, retryAt: null, now);
            _toDisable.TryAdd(endpoint.Id, (endpoint.CompanyId, disableReason));
            return WebhookDeliveryOutcome.EndpointDisabled;
        }

        var retryAfter = result.StatusCode is 429 or 503 ? result.RetryAfter : null;
        var delay = WebhookRetrySchedule.NextDelay(delivery.AttemptCount + 1, Random.Shared.NextDouble(), retryAfter);
        delivery.RecordFailure(result.StatusCode, error, delay is { } d ? now + d : null, now);
        return delay is null ? WebhookDeliveryOutcome.Failed : WebhookDeliveryOutcome.Retrying;
    }

    /// <summary>
    /// Switches the endpoint off through the entity, so the audit interceptor writes the entry with the change. Re-read under
    /// the company's row lock: of two hosts disabling it at once the second finds it disabled and writes nothing.
    /// </summary>
    private Task<int> DisableAsync(Guid companyId, Guid endpointId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.InCompanyLockAsync(
            companyId,
            async () =>
            {
                var endpoint = await db.WebhookEndpoints.IgnoreQueryFilters().SingleOrDefaultAsync(e => e.Id == endpointId, cancellationToken);
                return endpoint?.DisableAutomatically(reason, now) == true ? await db.SaveChangesAsync(cancellationToken) : 0;
            },
            cancellationToken);
}

/// <summary>What one attempt led to, with the receiver's answer when a request was sent.</summary>
public sealed record WebhookAttemptOutcome(WebhookDeliveryOutcome Outcome, WebhookSendResult? Result);

public enum WebhookDeliveryOutcome
{
    /// <summary>Not pending any more (another worker or a replay finished it).</summary>
    Skipped,
    Succeeded,
    Retrying,

    /// <summary>The retry schedule is exhausted.</summary>
    Failed,
    EndpointDisabled,

    /// <summary>Not sent: the endpoint was disabled or deleted meanwhile.</summary>
    Abandoned,
}
