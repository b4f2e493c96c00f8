namespace ComplaintConsole.Board;

public enum Presence
{
    Unknown = 0,
    Available = 1,
    Busy = 2,
    Away = 3,
    Offline = 4,
}

/// <summary>
/// Where the board learns who is on shift. The desks feature owns presence; until it registers its own source the
/// board reports every operator as <see cref="Presence.Unknown"/> rather than guessing.
/// </summary>
public interface IOperatorPresence
{
    ValueTask<IReadOnlyDictionary<string, Presence>> GetAsync(CancellationToken cancellationToken);
}

public sealed class NoPresenceYet : IOperatorPresence
{
    private static readonly IReadOnlyDictionary<string, Presence> None = new Dictionary<string, Presence>();

    public ValueTask<IReadOnlyDictionary<string, Presence>> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(None);
}
