using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintConsole.Data.Configurations;

public sealed class ClosureConfiguration : IEntityTypeConfiguration<Closure>
{
    public void Configure(EntityTypeBuilder<Closure> builder)
    {
        builder.HasIndex(c => c.Date);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.Property(c => c.DeclaredBy).HasMaxLength(450);
    }
}
