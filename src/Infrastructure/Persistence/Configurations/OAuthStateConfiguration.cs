using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Integrations;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class OAuthStateConfiguration : IEntityTypeConfiguration<OAuthState>
{
    public void Configure(EntityTypeBuilder<OAuthState> builder)
    {
        builder.ToTable("oauth_states");
        builder.Property(s => s.Provider).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.StateHash).HasMaxLength(64);
        builder.Property(s => s.CodeVerifier).HasMaxLength(500);
        builder.HasIndex(s => s.StateHash).IsUnique();
        builder.HasIndex(s => s.ExpiresAt);
        builder.Ignore(s => s.DomainEvents);
    }
}
