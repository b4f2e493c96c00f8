using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintConsole.Data.Configurations;

public sealed class OperatorShiftConfiguration : IEntityTypeConfiguration<OperatorShift>
{
    public void Configure(EntityTypeBuilder<OperatorShift> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Presence).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => new { s.DeskId, s.Presence });
        builder.HasOne(s => s.Desk).WithMany().HasForeignKey(s => s.DeskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId);
    }
}
