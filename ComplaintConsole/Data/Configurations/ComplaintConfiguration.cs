using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintConsole.Data.Configurations;

/// <summary>
/// Takes the provider because optimistic concurrency and filtered indexes are mapped differently on each; not an
/// IEntityTypeConfiguration, so the assembly scan (parameterless configurations only) does not trip over it.
/// </summary>
public static class ComplaintConfiguration
{
    public static void Configure(EntityTypeBuilder<Complaint> builder, DatabaseProvider provider)
    {
        builder.Property(c => c.TrackingCode).HasMaxLength(16);
        builder.HasIndex(c => c.TrackingCode).IsUnique();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ChannelSource).HasMaxLength(100);
        builder.Property(c => c.ComplainantName).HasMaxLength(100);
        builder.Property(c => c.NationalCode).HasMaxLength(10);
        builder.Property(c => c.Mobile).HasMaxLength(13);
        builder.Property(c => c.TrackingSecretHash).HasMaxLength(100);
        builder.Property(c => c.CategoryCode).HasMaxLength(32);
        builder.Property(c => c.Subject).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.SearchKey).HasMaxLength(4500);
        builder.Property(c => c.AssignedOperatorId).HasMaxLength(450);

        builder.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Desk).WithMany().HasForeignKey(c => c.DeskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.ComplaintId);

        // The desk queue (unassigned, oldest first) and the overdue sweep (open, unanswered, due) read these.
        builder.HasIndex(c => new { c.DeskId, c.Status, c.ReceivedAt });
        // Filtered to the cases the sweep can flag, so the safety sweep stays cheap however much history is stored.
        builder.HasIndex(c => new { c.NextEscalationAt, c.DeskId })
            .HasFilter(provider == DatabaseProvider.SqlServer
                ? "[FirstResponseAt] IS NULL AND [Status] <> 'Closed'"
                : "\"FirstResponseAt\" IS NULL AND \"Status\" <> 'Closed'");
        builder.HasIndex(c => new { c.AssignedOperatorId, c.Status });
        builder.HasIndex(c => c.ReceivedAt);

        // The board and /manage read open cases only: a few thousand rows among millions of closed ones. A partial index
        // holding every column they read answers them without touching the table (see Board/BoardService). Status is
        // in it too because SQLite counts the filter's column when deciding whether an index covers a query.
        builder.HasIndex(c => new { c.DeskId, c.AgencyId, c.OverdueLevel, c.ResponseDueAt, c.ReceivedAt, c.AssignedOperatorId, c.FirstResponseAt, c.Status }, "IX_Complaints_Open")
            .HasFilter(provider == DatabaseProvider.SqlServer ? "[Status] <> 'Closed'" : "\"Status\" <> 'Closed'");

        // Board: answered today, and deadlines met today and this week — range scans of a day or a week of history.
        builder.HasIndex(c => new { c.FirstResponseAt, c.DeskId, c.AgencyId });
        builder.HasIndex(c => new { c.ResponseDueAt, c.FirstResponseAt, c.DeskId, c.AgencyId });

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.Property(c => c.Version).IsConcurrencyToken();
                break;
            case DatabaseProvider.SqlServer:
                builder.Property(c => c.Version).IsRowVersion().HasConversion<byte[]>();
                break;
            case DatabaseProvider.PostgreSQL:
                // xmin is PostgreSQL's own row version: no column to maintain.
                builder.Property(c => c.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion().HasConversion<uint>();
                break;
        }
    }
}
