using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintConsole.Data.Configurations;

public sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.HasIndex(h => new { h.CalendarId, h.Date });
        builder.Property(h => h.NameFa).HasMaxLength(200);
        builder.Property(h => h.NameEn).HasMaxLength(200);
    }
}
