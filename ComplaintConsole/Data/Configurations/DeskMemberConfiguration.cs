using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintConsole.Data.Configurations;

public sealed class DeskMemberConfiguration : IEntityTypeConfiguration<DeskMember>
{
    public void Configure(EntityTypeBuilder<DeskMember> builder)
    {
        builder.HasKey(m => new { m.DeskId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne(m => m.Desk).WithMany(d => d.Members).HasForeignKey(m => m.DeskId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId);
    }
}
