using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NovaPulse.Domain.Tasks;
using NovaPulse.Domain.Uploads;

namespace NovaPulse.Infrastructure.Persistence.Configurations;

internal sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    /// <summary>Named so background work can lift it on its own (<c>IgnoreQueryFilters([SoftDeleteFilter])</c>).</summary>
    public const string SoftDeleteFilter = "SoftDelete";

    public void Configure(EntityTypeBuilder<Upload> builder)
    {
        builder.ToTable("uploads");
        builder.Property(u => u.Name).HasMaxLength(Upload.NameMaxLength);
        builder.Property(u => u.ContentType).HasMaxLength(Upload.ContentTypeMaxLength);
        builder.Property(u => u.Folder).HasMaxLength(Upload.FolderMaxLength);
        builder.Property(u => u.Tags).HasMaxLength(4000);
        builder.Property(u => u.Checksum).HasMaxLength(64);
        builder.Property(u => u.StorageProvider).HasMaxLength(32);
        builder.Property(u => u.StorageKey).HasMaxLength(200);
        builder.Property(u => u.ThumbnailKey).HasMaxLength(200);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne<TaskItem>().WithMany().HasForeignKey(u => u.TaskId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(u => new { u.CompanyId, u.CreatedAt });
        builder.HasIndex(u => u.StorageKey).IsUnique();
        builder.HasIndex(u => new { u.DeletedAt, u.PurgedAt });
        builder.HasIndex(u => new { u.Status, u.CreatedAt });
        builder.HasQueryFilter(SoftDeleteFilter, u => u.DeletedAt == null);
        builder.Ignore(u => u.DomainEvents);
    }
}
