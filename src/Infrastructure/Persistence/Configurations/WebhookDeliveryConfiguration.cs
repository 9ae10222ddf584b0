using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.Property(d => d.MessageId).HasMaxLength(40);
        builder.Property(d => d.EventType).HasMaxLength(100);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        // Fair claiming walks the companies with pending deliveries, then each one's most overdue (see IWorkClaimer). The
        // only index led by Status, so the planner cannot pick one in NextAttemptAt order and filter a backlog for a company.
        builder.HasIndex(d => new { d.Status, d.CompanyId, d.NextAttemptAt });
        // Logs list an endpoint's deliveries newest first.
        builder.HasIndex(d => new { d.EndpointId, d.CreatedAt });
    }
}
