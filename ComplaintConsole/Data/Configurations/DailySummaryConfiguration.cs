using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintConsole.Data.Configurations;

public sealed class DailySummaryConfiguration : IEntityTypeConfiguration<DailySummary>
{
    public void Configure(EntityTypeBuilder<DailySummary> builder)
    {
        builder.HasIndex(s => new { s.DeskId, s.Date }).IsUnique();
        builder.Property(s => s.OverdueByLevel).HasMaxLength(1000);
        builder.HasOne<Desk>().WithMany().HasForeignKey(s => s.DeskId).OnDelete(DeleteBehavior.Cascade);
    }
}
