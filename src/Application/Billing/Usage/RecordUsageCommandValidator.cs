using FluentValidation;
using NovaPulse.Application.Billing.Common;
using NovaPulse.Domain.Billing;

namespace NovaPulse.Application.Billing.Usage;

public sealed class RecordUsageCommandValidator : AbstractValidator<RecordUsageCommand>
{
    /// <summary>Stripe refuses meter events older than 35 days or more than 5 minutes ahead.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(35);

    public RecordUsageCommandValidator(PlanCatalog catalog, TimeProvider clock)
    {
        RuleFor(c => c.Metric).NotEmpty().MaximumLength(UsageRecord.MetricMaxLength)
            .Must(m => catalog.Meters.ContainsKey(m)).WithMessage(_ => $"Unknown metric; known: {string.Join(", ", catalog.Meters.Keys)}.");
        RuleFor(c => c.Quantity).InclusiveBetween(1, 1_000_000_000);
        RuleFor(c => c.Timestamp)
            .Must(t => t is null || (t > clock.GetUtcNow() - MaxAge && t < clock.GetUtcNow().AddMinutes(5)))
            .WithMessage("Must be within the last 35 days and not in the future.");
        RuleFor(c => c.IdempotencyKey).MaximumLength(UsageRecord.IdempotencyKeyMaxLength)
            .Must(k => k is null || (k.Length > 0 && k.All(ch => ch > ' ' && ch < 127))).WithMessage("Printable ASCII without spaces.");
    }
}
