using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Infrastructure.Idempotency;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.Property(r => r.Scope).HasMaxLength(100);
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.Property(r => r.ETag).HasMaxLength(100);
        // The unique index is what makes two concurrent first attempts safe: only one insert wins.
        builder.HasIndex(r => new { r.Scope, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
