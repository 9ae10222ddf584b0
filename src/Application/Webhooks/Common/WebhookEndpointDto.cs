using NovaPulse.Application.Common.Interfaces;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Application.Webhooks.Common;

/// <summary>An endpoint. <see cref="Secret"/> is in full only in the answers to create and rotate; elsewhere masked.</summary>
public sealed record WebhookEndpointDto(
    Guid Id,
    string Url,
    string? Description,
    IReadOnlyList<string> Events,
    bool Enabled,
    string? DisabledReason,
    string Secret,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static WebhookEndpointDto From(WebhookEndpoint e, string secret) => new(
        e.Id, e.Url, e.Description, e.EventTypes, e.Enabled, e.DisabledReason, secret, e.PreviousSecretExpiresAt, e.CreatedAt, e.UpdatedAt);

    public static WebhookEndpointDto Masked(WebhookEndpoint e, ISecretProtector secrets) => From(e, WebhookSigner.Mask(secrets.Unprotect(e.Secret)));
}
