using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Billing;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.Property(i => i.StripeInvoiceId).HasMaxLength(255);
        builder.Property(i => i.Number).HasMaxLength(100);
        builder.Property(i => i.Status).HasMaxLength(32);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.HostedInvoiceUrl).HasMaxLength(2000);
        builder.Property(i => i.InvoicePdfUrl).HasMaxLength(2000);
        builder.HasIndex(i => i.StripeInvoiceId).IsUnique();
        builder.HasIndex(i => new { i.CompanyId, i.CreatedAt });
        builder.Ignore(i => i.DomainEvents);
    }
}
