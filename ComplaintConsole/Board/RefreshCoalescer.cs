namespace ComplaintConsole.Board;

/// <summary>
/// Turns a burst of live events into at most one refresh per interval (the first event after a quiet spell refreshes at
/// once), and refreshes periodically even without events. Timers come from the injected <see cref="TimeProvider"/>, so
/// tests move time instead of sleeping.
/// </summary>
public sealed class RefreshCoalescer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Func<Task> _refresh;
    private readonly Action<Exception> _onError;
    private readonly ITimer _periodic;
    private readonly Lock _gate = new();
    private ITimer? _pending;
    private DateTimeOffset _lastRefresh;
    private bool _disposed;

    public RefreshCoalescer(TimeProvider time, TimeSpan interval, TimeSpan periodic, Func<Task> refresh, Action<Exception> onError)
    {
        _time = time;
        _interval = interval;
        _refresh = refresh;
        _onError = onError;
        _lastRefresh = time.GetUtcNow();
        _periodic = time.CreateTimer(_ => Signal(), null, periodic, periodic);
    }

    /// <summary>Something changed: refresh now if the last refresh is older than the interval, else once it is.</summary>
    public void Signal()
    {
        lock (_gate)
        {
            if (_disposed || _pending is not null)
            {
                return;
            }

            var wait = _lastRefresh + _interval - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                _pending = _time.CreateTimer(_ => _ = RunAsync(), null, wait, Timeout.InfiniteTimeSpan);
                return;
            }

            // Quiet until now: refresh at once; the marker timer keeps further signals out until the refresh starts.
            _pending = _time.CreateTimer(static _ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        _ = Task.Run(RunAsync);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pending?.Dispose();
            _pending = null;
        }

        _periodic.Dispose();
    }

    private async Task RunAsync()
    {
        lock (_gate)
        {
            _pending?.Dispose();
            _pending = null;
            _lastRefresh = _time.GetUtcNow();
            if (_disposed)
            {
                return;
            }
        }

        try
        {
            await _refresh();
        }
#pragma warning disable CA1031 // A failed refresh is reported and the next event tries again; it must not kill the timer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _onError(ex);
        }
    }
}
