using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

// Reference data: small tables with ids assigned by whoever seeds them.

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(64);
    }
}

internal sealed class StreetConfiguration : IEntityTypeConfiguration<Street>
{
    public void Configure(EntityTypeBuilder<Street> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Code).HasMaxLength(8);
        builder.HasIndex(s => s.Code).IsUnique();
    }
}

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(64);
    }
}

internal sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> builder)
    {
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Name).HasMaxLength(64);
    }
}

internal sealed class CourtyardConfiguration : IEntityTypeConfiguration<Courtyard>
{
    public void Configure(EntityTypeBuilder<Courtyard> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(64);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Outline).HasConversion(
            outline => outline == null ? null : CourtyardOutline.Format(outline),
            stored => stored == null ? null : CourtyardOutline.Parse(stored),
            new ValueComparer<IReadOnlyList<MapPoint>?>(
                (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                outline => outline == null ? 0 : outline.Aggregate(0, (hash, p) => HashCode.Combine(hash, p)),
                outline => outline == null ? null : outline.ToList()));
    }
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Name).HasMaxLength(32);
        builder.HasIndex(b => b.CourtyardId);
    }
}

internal sealed class HandlingUnitConfiguration : IEntityTypeConfiguration<HandlingUnit>
{
    public void Configure(EntityTypeBuilder<HandlingUnit> builder)
    {
        builder.ToTable("Units");
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Name).HasMaxLength(64);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Ignore(u => u.Level);
        builder.PrimitiveCollection(u => u.ServedCourtyardIds).HasField("_servedCourtyardIds").ElementType(e => e.HasConversion<CourtyardIdConverter>());
    }
}

internal sealed class CourtyardServiceConfiguration : IEntityTypeConfiguration<CourtyardService>
{
    public void Configure(EntityTypeBuilder<CourtyardService> builder)
    {
        builder.ToTable("CourtyardServices");
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(s => new { s.CourtyardId, s.Kind, s.From }).IsUnique();
        builder.HasIndex(s => s.UnitId);
    }
}

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(32);
        builder.Property(s => s.Phone).HasMaxLength(20);
        builder.Ignore(s => s.Role);
        builder.Ignore(s => s.UnitId);
        builder.Ignore(s => s.CommunityId);
        builder.Ignore(s => s.GridId);
        builder.Ignore(s => s.MainPost);
        builder.Ignore(s => s.CurrentPosts);
        builder.OwnsMany(s => s.Posts, post =>
        {
            post.ToTable("StaffPosts");
            post.WithOwner().HasForeignKey("StaffId");
            post.HasKey("StaffId", nameof(StaffPost.Number));
            post.Property(p => p.Number).ValueGeneratedNever();
            post.Property(p => p.Role).HasConversion<string>().HasMaxLength(24);
            post.Ignore(p => p.IsCurrent);
            post.HasIndex(p => p.UnitId);
        });
        builder.Navigation(s => s.Posts).HasField("_posts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(8);
        builder.Property(c => c.ParentCode).HasMaxLength(8);
        builder.Property(c => c.Name).HasMaxLength(64);
        builder.Property(c => c.NameEn).HasMaxLength(64);
        builder.Property(c => c.DefaultLevel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.DefaultUrgency).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(c => c.IsItem);
        builder.Ignore(c => c.IsOffered);
    }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> builder)
    {
        builder.HasKey(c => new { c.StreetCode, c.Day });
        builder.Property(c => c.StreetCode).HasMaxLength(8);
        builder.Property(c => c.Day).HasMaxLength(8);
    }
}
