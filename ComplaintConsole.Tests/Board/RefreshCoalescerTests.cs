using ComplaintConsole.Board;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintConsole.Tests.Board;

public sealed class RefreshCoalescerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 6, 30, 0, TimeSpan.Zero));
    private int _refreshes;

    [Fact]
    public void Signal_BurstWithinTheInterval_RefreshesOnceWhenItEnds()
    {
        using var coalescer = New();

        for (var i = 0; i < 50; i++)
        {
            coalescer.Signal();
        }

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, _refreshes);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _refreshes);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, _refreshes);
    }

    [Fact]
    public async Task Signal_AfterAQuietSpell_RefreshesAtOnce()
    {
        var refreshed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var coalescer = new RefreshCoalescer(_time, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), () => { refreshed.TrySetResult(); return Task.CompletedTask; }, _ => { });
        _time.Advance(TimeSpan.FromSeconds(3));

        coalescer.Signal();

        await refreshed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void NoSignal_PeriodElapses_Refreshes()
    {
        using var coalescer = New();

        _time.Advance(TimeSpan.FromSeconds(30));

        // The periodic tick signals; the last refresh is 30 s old, so the refresh starts at once on the thread pool.
        SpinWait.SpinUntil(() => Volatile.Read(ref _refreshes) == 1, TimeSpan.FromSeconds(10));
        Assert.Equal(1, Volatile.Read(ref _refreshes));
    }

    [Fact]
    public void Dispose_PendingRefresh_NeverRuns()
    {
        var coalescer = New();
        coalescer.Signal();

        coalescer.Dispose();
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, _refreshes);
    }

    private RefreshCoalescer New() => new(
        _time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => { Interlocked.Increment(ref _refreshes); return Task.CompletedTask; }, _ => { });
}
