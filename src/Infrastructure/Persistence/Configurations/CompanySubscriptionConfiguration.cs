using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Billing;
using NovaPulse.Domain.Companies;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class CompanySubscriptionConfiguration : IEntityTypeConfiguration<CompanySubscription>
{
    public void Configure(EntityTypeBuilder<CompanySubscription> builder)
    {
        builder.ToTable("company_subscriptions");
        builder.Property(s => s.StripeCustomerId).HasMaxLength(255);
        builder.Property(s => s.StripeSubscriptionId).HasMaxLength(255);
        builder.Property(s => s.PlanId).HasMaxLength(50);
        builder.Property(s => s.Status).HasMaxLength(32);
        builder.Property(s => s.PaymentMethodBrand).HasMaxLength(32);
        builder.Property(s => s.PaymentMethodLast4).HasMaxLength(4);
        builder.HasOne<Company>().WithOne().HasForeignKey<CompanySubscription>(s => s.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.CompanyId).IsUnique();
        builder.HasIndex(s => s.StripeCustomerId).IsUnique();
        builder.Ignore(s => s.DomainEvents);
        builder.Ignore(s => s.HasLiveSubscription);
    }
}
