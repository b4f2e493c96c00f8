using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintConsole.Data.Configurations;

public sealed class WorkCalendarConfiguration : IEntityTypeConfiguration<WorkCalendar>
{
    public void Configure(EntityTypeBuilder<WorkCalendar> builder)
    {
        builder.ToTable("Calendars");
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameFa).HasMaxLength(200);
        builder.Property(c => c.NameEn).HasMaxLength(200);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.HasMany(c => c.Schedules).WithOne().HasForeignKey(s => s.CalendarId);
        builder.HasMany(c => c.Holidays).WithOne().HasForeignKey(h => h.CalendarId);
        builder.HasMany(c => c.Closures).WithMany(c => c.Calendars).UsingEntity("CalendarClosures");
    }
}
