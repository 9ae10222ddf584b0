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
        // Fair claiming walks the companies with waiting events, then each one's oldest (see IWorkClaimer). Only waiting
        // rows are in it, in company order: with (ProcessedAt, CompanyId, ...) PostgreSQL sorted every waiting row for
        // each company it stepped to ("IS NULL" gives no order), so a claim cost backlog x companies. The same three
        // providers accept this filter as written.
        builder.HasIndex(m => new { m.CompanyId, m.OccurredAt }, "IX_outbox_messages_Waiting")
            .HasFilter("\"ProcessedAt\" IS NULL AND \"ParkedAt\" IS NULL");
        // Retention deletes processed events by age.
        builder.HasIndex(m => m.ProcessedAt).HasFilter("\"ProcessedAt\" IS NOT NULL");
        // Operators list parked (dead-lettered) events; the metrics count them.
        builder.HasIndex(m => m.ParkedAt).HasFilter("\"ParkedAt\" IS NOT NULL");
        // Event streams read one company's events in (OccurredAt, Id) order from a position.
        builder.HasIndex(m => new { m.CompanyId, m.OccurredAt, m.Id });
    }
}
