using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintConsole.Data.Configurations;

public sealed class WeeklyScheduleConfiguration : IEntityTypeConfiguration<WeeklySchedule>
{
    public void Configure(EntityTypeBuilder<WeeklySchedule> builder)
    {
        builder.HasIndex(s => new { s.CalendarId, s.EffectiveFrom }).IsUnique();
        builder.HasMany(s => s.Ranges).WithOne().HasForeignKey(r => r.ScheduleId);
    }
}
