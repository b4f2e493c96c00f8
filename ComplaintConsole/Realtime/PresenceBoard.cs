using ComplaintConsole.Domain;
using NodaTime;

namespace ComplaintConsole.Realtime;

/// <summary>An operator's shift presence as it changed: who, at which desk, how available, when.</summary>
public sealed record PresenceChange(string UserId, string DisplayName, int DeskId, Presence Presence, Instant At);

/// <summary>
/// Operators' presence changes, published after they are saved to the board's circuits and, through the hub bridge, to
/// supervisors' hub clients. Like <see cref="LiveFeed"/>, per node.
/// </summary>
public sealed class PresenceBoard
{
    public event Action<PresenceChange>? Changed;

    public void Publish(PresenceChange change) => Changed?.Invoke(change);
}
