using CommandCenter.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Infrastructure.Persistence.Configurations;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder) => builder.HasIndex(u => u.StaffId);
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.ToTable("AccessTokens");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Name).HasMaxLength(AccessTokenService.MaxNameLength);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(AccessToken.PrefixLength);
        builder.Property(t => t.CreatedBy).HasMaxLength(64);
        builder.Property(t => t.RevokedBy).HasMaxLength(64);
        builder.Ignore(t => t.IsActive);
    }
}

/// <summary>
/// The audit log as read: a view over the timeline and the audit entries, created by each
/// provider's migration (EF does not create views), never written.
/// </summary>
internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public const string View = "AuditLog";

    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.HasNoKey().ToView(View);
        builder.Property(e => e.ActorRole).HasConversion<string>();
        builder.Property(e => e.Source).HasConversion<string>();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => e.StaffId);
        builder.HasIndex(e => e.CaseId);
        builder.HasIndex(e => e.UnitId);
        builder.Property(e => e.Action).HasMaxLength(32);
        builder.Property(e => e.ActorName).HasMaxLength(64);
        builder.Property(e => e.ActorRole).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
    }
}

internal sealed class DecisionGrantConfiguration : IEntityTypeConfiguration<DecisionGrant>
{
    public void Configure(EntityTypeBuilder<DecisionGrant> builder)
    {
        builder.ToTable("DecisionGrants");
        builder.HasKey(g => g.Decision);
        builder.Property(g => g.Decision).HasConversion<string>().HasMaxLength(32);
        builder.Property(g => g.Roles).HasMaxLength(256);
        builder.Property(g => g.Revision).IsConcurrencyToken();
        builder.Ignore(g => g.RoleList);
    }
}
