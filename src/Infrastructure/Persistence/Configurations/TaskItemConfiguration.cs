using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Tasks;
using NovaPulse.Domain.Users;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> builder)
    {
        builder.ToTable("tasks");
        builder.Property(t => t.Title).HasMaxLength(TaskItem.TitleMaxLength);
        builder.Property(t => t.Description).HasMaxLength(TaskItem.DescriptionMaxLength);
        builder.Property(t => t.Tags).HasMaxLength(4000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        // The list's default order (created, then id for ties) read straight from the index: with the id left out, tasks
        // created in the same tick (an import) were all sorted for every page.
        builder.HasIndex(t => new { t.CompanyId, t.CreatedAt, t.Id });
        builder.HasIndex(t => new { t.CompanyId, t.Status });
        builder.Ignore(t => t.DomainEvents);
    }
}
