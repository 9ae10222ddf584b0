using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class IntegrationNotificationConfiguration : IEntityTypeConfiguration<IntegrationNotification>
{
    public void Configure(EntityTypeBuilder<IntegrationNotification> builder)
    {
        builder.ToTable("integration_notifications");
        builder.Property(n => n.EventType).HasMaxLength(100);
        builder.Property(n => n.Recipient).HasMaxLength(320);
        builder.Property(n => n.Subject).HasMaxLength(IntegrationNotification.SubjectMaxLength);
        builder.Property(n => n.LastError).HasMaxLength(IntegrationNotification.ErrorMaxLength);
        builder.HasOne<Integration>().WithMany().HasForeignKey(n => n.IntegrationId).OnDelete(DeleteBehavior.Cascade);
        // Fair claiming walks the companies with pending rows, then each one's most overdue (see IWorkClaimer).
        builder.HasIndex(n => new { n.Status, n.CompanyId, n.NextAttemptAt });
    }
}
