using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Companies;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("companies");
        builder.Property(c => c.Name).HasMaxLength(Company.NameMaxLength);
        builder.Property(c => c.PlanId).HasMaxLength(50);
        builder.Ignore(c => c.DomainEvents);
    }
}
