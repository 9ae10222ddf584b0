using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Webhooks;

/// <summary>One HTTP attempt of a delivery, as shown in the delivery logs.</summary>
public sealed class WebhookAttempt : ITenantOwned
{
    public const int ResponseBodyMaxLength = 2048;

    private WebhookAttempt()
    {
    }

    public Guid Id { get; private init; } = SequentialId.New();

    public Guid CompanyId { get; private set; }

    public Guid DeliveryId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset AttemptedAt { get; private set; }

    /// <summary>JSON object of the request headers sent (signatures included: they are not secrets).</summary>
    public string RequestHeaders { get; private set; } = "{}";

    public int? ResponseStatus { get; private set; }

    /// <summary>The first 2 KB of the response body.</summary>
    public string? ResponseBody { get; private set; }

    public int DurationMs { get; private set; }

    public string? Error { get; private set; }

    public static WebhookAttempt Record(
        Guid companyId, Guid deliveryId, int number, DateTimeOffset attemptedAt, string requestHeaders,
        int? responseStatus, string? responseBody, int durationMs, string? error) => new()
        {
            CompanyId = companyId,
            DeliveryId = deliveryId,
            Number = number,
            AttemptedAt = attemptedAt,
            RequestHeaders = requestHeaders,
            ResponseStatus = responseStatus,
            ResponseBody = responseBody is { Length: > ResponseBodyMaxLength } ? responseBody[..ResponseBodyMaxLength] : responseBody,
            DurationMs = durationMs,
            Error = error is { Length: > 1000 } ? error[..1000] : error,
        };
}
