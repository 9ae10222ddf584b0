using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Billing;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class StripeEventRecordConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> builder)
    {
        builder.ToTable("stripe_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(StripeEventRecord.IdMaxLength).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.HasIndex(e => e.ProcessedAt);
    }
}
