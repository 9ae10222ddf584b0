using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Companies;
using NovaPulse.Domain.Users;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.Email).HasMaxLength(User.EmailMaxLength);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(User.EmailMaxLength);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(User.NameMaxLength);
        builder.Property(u => u.PasswordHash).HasMaxLength(500);
        builder.HasOne<Company>().WithMany().HasForeignKey(u => u.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(u => u.DomainEvents);
    }
}
