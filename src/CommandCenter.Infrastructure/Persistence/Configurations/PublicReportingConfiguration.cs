using CommandCenter.Infrastructure.PublicReporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

internal sealed class StoredPhotoConfiguration : IEntityTypeConfiguration<StoredPhoto>
{
    public void Configure(EntityTypeBuilder<StoredPhoto> builder)
    {
        builder.ToTable("Photos");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ContentType).HasMaxLength(40);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        // Finds the uploads that belong to no case and have expired (StaffPhotos).
        builder.HasIndex(p => new { p.CaseId, p.StoredAtUtc });
    }
}

internal sealed class CaseTrackingConfiguration : IEntityTypeConfiguration<CaseTracking>
{
    public void Configure(EntityTypeBuilder<CaseTracking> builder)
    {
        builder.ToTable("CaseTrackings");
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(CaseTracking.Length);
        // The reporter's code and any followers' codes.
        builder.HasIndex(t => t.CaseId);
    }
}
