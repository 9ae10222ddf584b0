using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Billing;

/// <summary>Payload of <c>subscription.updated</c>.</summary>
public sealed record SubscriptionSnapshot(string Plan, string Status, DateTimeOffset? CurrentPeriodEnd, bool CancelAtPeriodEnd);

public sealed record SubscriptionUpdated(SubscriptionSnapshot Subscription) : IDomainEvent;
