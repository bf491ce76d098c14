using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Archive;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

// 数字院落 (issue 17). Ids are given by whoever records the archive (the demo loader, later the imports),
// so none is generated. Personal numbers are stored only sealed: cipher, keyed hash and masked form.

internal sealed class HomeConfiguration : IEntityTypeConfiguration<Home>
{
    public void Configure(EntityTypeBuilder<Home> builder)
    {
        builder.ToTable("Homes");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.UnitNumber).HasMaxLength(Home.MaxUnitNumberLength);
        builder.Property(h => h.ExclusiveArea).HasPrecision(9, 2);
        builder.Property(h => h.AreaSource).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Use).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Source).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Courtyard>().WithMany().HasForeignKey(h => h.CourtyardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Building>().WithMany().HasForeignKey(h => h.BuildingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.CourtyardId, h.BuildingId });
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> builder)
    {
        builder.ToTable("Residents");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(Resident.MaxNameLength);
        builder.Property(r => r.Relation).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Removal).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        PersonalNumbers.Configure(builder);
        builder.HasOne<Home>().WithMany().HasForeignKey(r => r.HomeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.HomeId);
    }
}

internal sealed class OwnerConfiguration : IEntityTypeConfiguration<Owner>
{
    public void Configure(EntityTypeBuilder<Owner> builder)
    {
        builder.ToTable("Owners");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Owner.MaxNameLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(16);
        PersonalNumbers.Configure(builder);
    }
}

internal sealed class OwnershipConfiguration : IEntityTypeConfiguration<Ownership>
{
    public void Configure(EntityTypeBuilder<Ownership> builder)
    {
        builder.ToTable("Ownerships");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Share).HasPrecision(5, 2);
        builder.HasOne<Home>().WithMany().HasForeignKey(o => o.HomeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Owner>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // An owner is on a home's title once.
        builder.HasIndex(o => new { o.HomeId, o.OwnerId }).IsUnique();
        builder.HasIndex(o => o.OwnerId);
    }
}

/// <summary>Append-only: rows are added when owners leave a title and never changed.</summary>
internal sealed class FormerOwnershipConfiguration : IEntityTypeConfiguration<FormerOwnership>
{
    public void Configure(EntityTypeBuilder<FormerOwnership> builder)
    {
        builder.ToTable("FormerOwnerships");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Share).HasPrecision(5, 2);
        builder.Property(o => o.Change).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Home>().WithMany().HasForeignKey(o => o.HomeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Owner>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.HomeId);
        builder.HasIndex(o => o.OwnerId);
    }
}

/// <summary>A courtyard's bodies are read whole per courtyard and written whole per body.</summary>
internal sealed class CourtyardMemberConfiguration : IEntityTypeConfiguration<CourtyardMember>
{
    public void Configure(EntityTypeBuilder<CourtyardMember> builder)
    {
        builder.ToTable("CourtyardMembers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Name).HasMaxLength(CourtyardMember.MaxNameLength);
        builder.Property(m => m.Body).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Source).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Courtyard>().WithMany().HasForeignKey(m => m.CourtyardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Building>().WithMany().HasForeignKey(m => m.BuildingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CourtyardId, m.Body });
    }
}

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> builder)
    {
        builder.ToTable("Facilities");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Place).HasMaxLength(Facility.MaxPlaceLength);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Source).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Courtyard>().WithMany().HasForeignKey(f => f.CourtyardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Building>().WithMany().HasForeignKey(f => f.BuildingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.CourtyardId, f.RetiredAtUtc });
    }
}

internal sealed class PersonalDataKeyConfiguration : IEntityTypeConfiguration<PersonalDataKey>
{
    public void Configure(EntityTypeBuilder<PersonalDataKey> builder)
    {
        builder.ToTable("PersonalDataKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Protected).HasMaxLength(1000);
    }
}

internal static class PersonalNumbers
{
    // A sealed 18-character number is 64 base64 characters; a hash is 64 hex digits.
    private const int CipherLength = 100;

    public static void Configure<TPerson>(EntityTypeBuilder<TPerson> builder) where TPerson : ArchivePerson
    {
        builder.Property(p => p.IdNumberCipher).HasMaxLength(CipherLength);
        builder.Property(p => p.PhoneCipher).HasMaxLength(CipherLength);
        builder.Property(p => p.IdNumberLookup).HasMaxLength(64);
        builder.Property(p => p.PhoneLookup).HasMaxLength(64);
        builder.Property(p => p.IdNumberMasked).HasMaxLength(24);
        builder.Property(p => p.PhoneMasked).HasMaxLength(24);
        builder.HasIndex(p => p.IdNumberLookup);
        builder.HasIndex(p => p.PhoneLookup);
    }
}
