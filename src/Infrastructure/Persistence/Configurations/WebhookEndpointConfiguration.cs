using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Webhooks;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.UrlMaxLength);
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.DescriptionMaxLength);
        builder.Property(e => e.EventTypes).HasMaxLength(4000);
        builder.Property(e => e.DisabledReason).HasMaxLength(20);
        builder.Property(e => e.Secret).HasMaxLength(500);
        builder.Property(e => e.PreviousSecret).HasMaxLength(500);
        builder.HasIndex(e => new { e.CompanyId, e.CreatedAt });
        builder.Ignore(e => e.DomainEvents);
        builder.Ignore(e => e.PendingAuditedAction);
    }
}
