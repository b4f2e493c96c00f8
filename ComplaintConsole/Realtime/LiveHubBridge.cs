using ComplaintConsole.Desks;
using Microsoft.AspNetCore.SignalR;

namespace ComplaintConsole.Realtime;

/// <summary>
/// Subscribes once to this node's <see cref="LiveFeed"/> and forwards each event to the hub groups that may read it,
/// numbering the chain per group so clients can tell a gap. With several nodes each node's feed receives every event
/// (the Redis transport calls PublishLocal), so each bridge sends to its own node's connections and no SignalR
/// backplane is needed.
/// </summary>
public sealed class LiveHubBridge(
    LiveFeed feed,
    PresenceBoard presence,
    IHubContext<ComplaintsHub, IComplaintsClient> hub,
    ILogger<LiveHubBridge> logger) : IHostedService
{
    private readonly Dictionary<string, long> _lastByGroup = [];
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(ForwardAsync);
        presence.Changed += OnPresence;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        presence.Changed -= OnPresence;
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    // The feed runs this on one pump, one event at a time, so the per-group chain needs no lock.
    private async Task ForwardAsync(LiveEvent e)
    {
        await Task.WhenAll(
            SendAsync(ComplaintsHub.DeskGroup(e.DeskId), e),
            SendAsync(ComplaintsHub.SupervisorsGroup, e),
            SendAsync(ComplaintsHub.ManagersGroup, e));
    }

    private Task SendAsync(string group, LiveEvent e)
    {
        var previous = _lastByGroup.GetValueOrDefault(group);
        _lastByGroup[group] = e.Sequence;
        return hub.Clients.Group(group).CaseEvent(CaseEventMessage.From(e, previous, group));
    }

    private void OnPresence(PresenceChange change)
    {
        var message = PresenceMessage.From(change);
        _ = Task.WhenAll(
                hub.Clients.Group(ComplaintsHub.SupervisorsGroup).PresenceChanged(message),
                hub.Clients.Group(ComplaintsHub.ManagersGroup).PresenceChanged(message))
            .ContinueWith(t => logger.LogWarning(t.Exception, "Presence was not forwarded to the hub"), TaskContinuationOptions.OnlyOnFaulted);
    }
}
