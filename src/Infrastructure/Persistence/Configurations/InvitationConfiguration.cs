using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Invitations;
using NovaPulse.Domain.Users;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.Property(i => i.Email).HasMaxLength(User.EmailMaxLength);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(User.EmailMaxLength);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Ignore(i => i.DomainEvents);
    }
}
