using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Auth;
using NovaPulse.Domain.Users;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.ToTable("sign_in_failures");
        builder.Property(f => f.NormalizedEmail).HasMaxLength(User.EmailMaxLength);
        builder.Property(f => f.ClientAddress).HasMaxLength(SignInFailure.ClientAddressMaxLength);
        // One row per (email, address): a concurrent first failure loses the insert and retries the increment.
        builder.HasIndex(f => new { f.NormalizedEmail, f.ClientAddress }).IsUnique();
        builder.HasIndex(f => f.LastFailedAt);
        builder.Ignore(f => f.DomainEvents);
    }
}
