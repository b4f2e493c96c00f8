using ComplaintConsole.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintConsole.Data.Configurations;

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.Property(r => r.ApiKeyName).HasMaxLength(100);
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ResponseBody).HasMaxLength(4000);
        builder.Property(r => r.ResponseLocation).HasMaxLength(200);

        // The key is unique per API key: a second node racing on the same key fails its insert instead of duplicating.
        builder.HasIndex(r => new { r.ApiKeyName, r.Key }).IsUnique();
        builder.HasIndex(r => r.ExpiresAt);
        builder.HasOne(r => r.Complaint).WithMany().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.SetNull);
    }
}
