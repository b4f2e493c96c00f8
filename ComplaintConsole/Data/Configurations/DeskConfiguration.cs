using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintConsole.Data.Configurations;

public sealed class DeskConfiguration : IEntityTypeConfiguration<Desk>
{
    public void Configure(EntityTypeBuilder<Desk> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(64);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.NameFa).HasMaxLength(200);
        builder.Property(d => d.NameEn).HasMaxLength(200);
        builder.HasOne(d => d.Calendar).WithMany().HasForeignKey(d => d.CalendarId).OnDelete(DeleteBehavior.Restrict);
    }
}
