using ComplaintConsole.Data;
using ComplaintConsole.Domain;
using Microsoft.EntityFrameworkCore;

namespace ComplaintConsole.Board;

/// <summary>Where an operator on shift sits and how available they are.</summary>
public readonly record struct ShiftPresence(int DeskId, Presence Presence);

/// <summary>Who is on shift, by user id; anyone missing is off shift.</summary>
public interface IOperatorPresence
{
    ValueTask<IReadOnlyDictionary<string, ShiftPresence>> GetAsync(CancellationToken cancellationToken);
}

/// <summary>Reads the desks' shift table: one small indexed read of the operators currently on shift.</summary>
public sealed class OperatorShiftPresence(IDbContextFactory<ComplaintsDbContext> factory) : IOperatorPresence
{
    public async ValueTask<IReadOnlyDictionary<string, ShiftPresence>> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.OperatorShifts.AsNoTracking()
            .Where(s => s.Presence != Presence.Offline)
            .ToDictionaryAsync(s => s.UserId, s => new ShiftPresence(s.DeskId, s.Presence), cancellationToken);
    }
}
