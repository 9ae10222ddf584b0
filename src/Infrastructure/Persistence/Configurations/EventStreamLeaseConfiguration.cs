using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Events;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class EventStreamLeaseConfiguration : IEntityTypeConfiguration<EventStreamLease>
{
    public void Configure(EntityTypeBuilder<EventStreamLease> builder)
    {
        builder.ToTable("event_stream_leases");
        builder.Property(l => l.Principal).HasMaxLength(60);
        // Opening a stream counts one principal's leases and drops the company's lapsed ones.
        builder.HasIndex(l => new { l.CompanyId, l.Principal });
        builder.HasIndex(l => new { l.CompanyId, l.ExpiresAt });
    }
}
