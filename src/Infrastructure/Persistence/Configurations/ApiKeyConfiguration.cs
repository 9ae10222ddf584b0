using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.ApiKeys;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Hint).HasMaxLength(20);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.Ignore(k => k.DomainEvents);
    }
}
