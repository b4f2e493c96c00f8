using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintConsole.Data.Configurations;

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(64);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.NameFa).HasMaxLength(200);
        builder.Property(a => a.NameEn).HasMaxLength(200);
        builder.Property(a => a.Layer).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(a => a.Desk).WithMany(d => d.Agencies).HasForeignKey(a => a.DeskId).OnDelete(DeleteBehavior.Restrict);
    }
}
