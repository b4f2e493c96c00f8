using System.Threading.Channels;

namespace ComplaintConsole.Realtime;

/// <summary>
/// The per-node live feed. Services publish committed events; circuits, the SignalR hub and the board subscribe.
/// Each subscription has its own bounded queue and pump, so a slow or stuck subscriber never blocks the publisher or
/// the others: when its queue is full the oldest event is dropped and the next one it sees is marked
/// <see cref="LiveEvent.AfterGap"/>, telling it to re-read from the database.
/// With several nodes a transport (e.g. Redis) calls <see cref="PublishLocal"/> on every node; components do not change.
/// </summary>
public sealed class LiveFeed(ILogger<LiveFeed> logger)
{
    private const int QueueCapacity = 1024;
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Raised for every published event before fan-out; a cross-node transport hooks in here.</summary>
    public event Action<IReadOnlyList<LiveEvent>>? Published;

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    /// <summary>Publish events that have committed. Never blocks.</summary>
    public void Publish(IReadOnlyList<LiveEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        Published?.Invoke(events);
        PublishLocal(events);
    }

    public void Publish(LiveEvent e) => Publish([e]);

    /// <summary>Fan out to this node's subscribers only (what a cross-node transport calls on receipt).</summary>
    public void PublishLocal(IReadOnlyList<LiveEvent> events)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            foreach (var e in events)
            {
                subscription.Offer(e);
            }
        }
    }

    /// <summary>
    /// Subscribe; <paramref name="handler"/> runs on the subscription's own pump, one event at a time, in sequence
    /// order. Dispose the returned subscription with the component.
    /// </summary>
    public IDisposable Subscribe(Func<LiveEvent, Task> handler, Func<LiveEvent, bool>? filter = null)
    {
        var subscription = new Subscription(this, handler, filter ?? (_ => true));
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        subscription.Start();
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => s != subscription).ToArray();
        }
    }

    private sealed class Subscription(LiveFeed feed, Func<LiveEvent, Task> handler, Func<LiveEvent, bool> filter) : IDisposable
    {
        private readonly Channel<LiveEvent> _queue = Channel.CreateBounded<LiveEvent>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        private int _dropped;

        public void Offer(LiveEvent e)
        {
            if (!filter(e))
            {
                return;
            }

            if (_queue.Reader.Count >= QueueCapacity)
            {
                Interlocked.Exchange(ref _dropped, 1);
            }

            _queue.Writer.TryWrite(e);
        }

        public void Start() => _ = Task.Run(PumpAsync);

        public void Dispose()
        {
            feed.Remove(this);
            _queue.Writer.TryComplete();
        }

        private async Task PumpAsync()
        {
            await foreach (var e in _queue.Reader.ReadAllAsync())
            {
                var next = Interlocked.Exchange(ref _dropped, 0) == 1 ? e with { AfterGap = true } : e;
                try
                {
                    await handler(next);
                }
#pragma warning disable CA1031 // One subscriber's failure must not stop its pump or reach the publisher.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    feed.Log(ex);
                }
            }
        }
    }

    private void Log(Exception ex) => logger.LogWarning(ex, "A live feed subscriber failed to handle an event");
}
