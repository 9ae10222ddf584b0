using Mediator;

namespace NovaPulse.Application.Billing.Webhook;

/// <summary>
/// A Stripe webhook delivery: the raw body exactly as received and its <c>Stripe-Signature</c> header. Anonymous:
/// the signature is the authentication, and the event's Stripe customer decides which company it concerns.
/// </summary>
public sealed record HandleStripeWebhookCommand(string Payload, string? Signature) : ICommand<StripeWebhookResult>;

/// <summary><see cref="Duplicate"/>: the event id was processed before and nothing was applied again.</summary>
public sealed record StripeWebhookResult(string EventId, string Type, bool Duplicate);
