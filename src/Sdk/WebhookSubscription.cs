namespace NovaPulse.Sdk;

/// <summary>A webhook endpoint created by <see cref="NovaPulseClient.SubscribeToEventsAsync"/>: its id and signing secret (shown only once).</summary>
public sealed record WebhookSubscription(Guid Id, string Secret);
