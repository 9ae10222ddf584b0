using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class IntegrationConfiguration : IEntityTypeConfiguration<Integration>
{
    public void Configure(EntityTypeBuilder<Integration> builder)
    {
        builder.ToTable("integrations");
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.DisplayName).HasMaxLength(Integration.DisplayNameMaxLength);
        builder.Property(i => i.Settings).HasMaxLength(Integration.SettingsMaxLength);
        builder.Property(i => i.Secret).HasMaxLength(8000);
        builder.Property(i => i.NotificationEvents).HasMaxLength(4000);
        builder.Property(i => i.LastError).HasMaxLength(Integration.ErrorMaxLength);
        builder.Property(i => i.ConfigurationVersion).IsConcurrencyToken();
        // One integration of each kind per company: PUT replaces it.
        builder.HasIndex(i => new { i.CompanyId, i.Type }).IsUnique();
        builder.Ignore(i => i.DomainEvents);
    }
}
