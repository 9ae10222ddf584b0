using Mediator;
using NovaPulse.Application.Common.Security;
using NovaPulse.Domain.Common;

namespace NovaPulse.Application.Billing.Usage;

/// <summary>
/// Records metered usage (Owner/Admin, or any API key); the usage reporter sends it to Stripe. A repeat with the same
/// <see cref="IdempotencyKey"/> returns the first record and counts nothing twice.
/// </summary>
[RequireRole(Role.Member)]
public sealed record RecordUsageCommand(string Metric, long Quantity, DateTimeOffset? Timestamp = null, string? IdempotencyKey = null)
    : ICommand<UsageRecordDto>;

public sealed record UsageRecordDto(Guid Id, string Metric, long Quantity, DateTimeOffset Timestamp, string? IdempotencyKey, bool Reported);
