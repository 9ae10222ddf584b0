using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Outbox;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Type).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        // Fair claiming walks the companies with unprocessed events, then each one's oldest (see IWorkClaimer).
        builder.HasIndex(m => new { m.ProcessedAt, m.CompanyId, m.OccurredAt });
        // Operators list parked (dead-lettered) events; the metrics count them.
        builder.HasIndex(m => m.ParkedAt);
        // Event streams read one company's events in (OccurredAt, Id) order from a position.
        builder.HasIndex(m => new { m.CompanyId, m.OccurredAt, m.Id });
    }
}
