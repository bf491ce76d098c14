using CommandCenter.Domain.Notices;
using CommandCenter.Infrastructure.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("Notices");
        builder.HasKey(n => n.Id);
        builder.HasIndex(n => n.Key).IsUnique();
        // The worker's one query: what is due, oldest first.
        builder.HasIndex(n => new { n.State, n.DueAtUtc });
        builder.HasIndex(n => n.CaseId);
        builder.HasIndex(n => n.StaffId);
        builder.HasIndex(n => n.ClaimToken);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(n => n.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.CaseNumber).HasMaxLength(32);
        builder.Property(n => n.RecipientName).HasMaxLength(64);
        builder.Property(n => n.Phone).HasMaxLength(32);
        builder.Property(n => n.Text).HasMaxLength(NoticeTemplate.MaxRenderedLength);
        builder.Property(n => n.LastError).HasMaxLength(Notice.MaxErrorLength);
    }
}

internal sealed class StoredNoticeTemplateConfiguration : IEntityTypeConfiguration<StoredNoticeTemplate>
{
    public void Configure(EntityTypeBuilder<StoredNoticeTemplate> builder)
    {
        builder.ToTable("NoticeTemplates");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.Kind, t.Revision }).IsUnique();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(t => t.Text).HasMaxLength(NoticeTemplate.MaxLength);
        builder.Property(t => t.ChangedBy).HasMaxLength(64);
    }
}
