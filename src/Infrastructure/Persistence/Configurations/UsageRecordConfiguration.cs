using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Billing;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class UsageRecordConfiguration : IEntityTypeConfiguration<UsageRecord>
{
    public void Configure(EntityTypeBuilder<UsageRecord> builder)
    {
        builder.ToTable("usage_records");
        builder.Property(r => r.Metric).HasMaxLength(UsageRecord.MetricMaxLength);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(UsageRecord.IdempotencyKeyMaxLength);
        // Unique per company when given; NULLs never collide on any of the three providers.
        builder.HasIndex(r => new { r.CompanyId, r.IdempotencyKey }).IsUnique();
        builder.HasIndex(r => new { r.ReportedAt, r.BatchId });
        builder.HasIndex(r => new { r.CompanyId, r.Metric, r.Timestamp });
        builder.Ignore(r => r.DomainEvents);
    }
}
