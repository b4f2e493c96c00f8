using ComplaintConsole.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ComplaintConsole.Board;

/// <summary>
/// The wall screen: anonymous, opened with a read-only token (checked by middleware on the request and again here for
/// the circuit). Shows group figures only — no operator or citizen appears on it.
/// </summary>
public sealed partial class WallboardPage
{
    private readonly CancellationTokenSource _cts = new();
    private IDisposable? _subscription;
    private RefreshCoalescer? _coalescer;
    private bool _allowed;
    private int _refreshes;

    [SupplyParameterFromQuery(Name = "token")]
    public string? Token { get; set; }

    [Inject]
    public required IBoardService Board { get; init; }

    [Inject]
    public required WallboardAccess Access { get; init; }

    [Inject]
    public required LiveFeed Feed { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required IOptions<BoardOptions> Options { get; init; }

    [Inject]
    public required IStringLocalizer<BoardText> T { get; init; }

    [Inject]
    public required ILogger<WallboardPage> Logger { get; init; }

    public BoardSnapshot Snapshot { get; private set; } = BoardSnapshot.Empty(Instant.FromUnixTimeTicks(0));

    private DateTimeZone Zone => DateTimeZoneProviders.Tzdb[Options.Value.TimeZone];

    public void Dispose()
    {
        _subscription?.Dispose();
        _coalescer?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        _allowed = Access.IsValid(Token);
        if (!_allowed)
        {
            return;
        }

        _coalescer = new RefreshCoalescer(
            Time,
            TimeSpan.FromMilliseconds(Options.Value.RefreshMilliseconds),
            TimeSpan.FromSeconds(Options.Value.PeriodicRefreshSeconds),
            RefreshAsync,
            ex => Logger.LogWarning(ex, "Wallboard refresh failed"));
        _subscription = Feed.Subscribe(_ =>
        {
            _coalescer.Signal();
            return Task.CompletedTask;
        });
        Snapshot = await Board.GetSnapshotAsync(_cts.Token);
        _refreshes++;
    }

    private async Task RefreshAsync()
    {
        try
        {
            var snapshot = await Board.GetSnapshotAsync(_cts.Token);
            await InvokeAsync(() =>
            {
                Snapshot = snapshot;
                _refreshes++;
                StateHasChanged();
            });
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // The screen closed while reading.
        }
    }
}
