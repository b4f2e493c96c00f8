using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace ComplaintConsole.Board;

public sealed partial class BoardPage
{
    private readonly CancellationTokenSource _cts = new();
    private IDisposable? _subscription;
    private RefreshCoalescer? _coalescer;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private bool _failed;
    private int _refreshes;

    private readonly LineChartOptions _chartOptions = new()
    {
        ShowLegend = true,
        XAxisLabelInterval = 8,
        YAxisRequireZeroPoint = true,
        ChartPalette = ["#0b4f6c", "#f29e4c"],
    };

    [Inject]
    public required IBoardService Board { get; init; }

    [Inject]
    public required LiveFeed Feed { get; init; }

    [Inject]
    public required PresenceBoard PresenceChanges { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [Inject]
    public required IOptions<BoardOptions> Options { get; init; }

    [Inject]
    public required IStringLocalizer<BoardText> T { get; init; }

    [Inject]
    public required ILogger<BoardPage> Logger { get; init; }

    [CascadingParameter]
    private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState>? AuthenticationState { get; set; }

    private bool _isManager;

    public BoardSnapshot Snapshot { get; private set; } = BoardSnapshot.Empty(NodaTime.Instant.FromUnixTimeTicks(0));

    public void Dispose()
    {
        _subscription?.Dispose();
        PresenceChanges.Changed -= OnPresenceChanged;
        _coalescer?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        _coalescer = new RefreshCoalescer(
            Time,
            TimeSpan.FromMilliseconds(Options.Value.RefreshMilliseconds),
            TimeSpan.FromSeconds(Options.Value.PeriodicRefreshSeconds),
            RefreshAsync,
            ex => Logger.LogWarning(ex, "Board refresh failed"));

        // Every committed event may move a figure; the coalescer keeps a burst to one read per interval.
        _subscription = Feed.Subscribe(_ =>
        {
            _coalescer.Signal();
            return Task.CompletedTask;
        });
        PresenceChanges.Changed += OnPresenceChanged;
        _isManager = AuthenticationState is not null && (await AuthenticationState).User.IsInRole(Roles.InspectionManager);
        Apply(await Board.GetSnapshotAsync(_cts.Token));
    }

    private void OnPresenceChanged(PresenceChange change) => _coalescer?.Signal();

    private async Task RefreshAsync()
    {
        try
        {
            var snapshot = await Board.GetSnapshotAsync(_cts.Token);
            await InvokeAsync(() =>
            {
                _failed = false;
                Apply(snapshot);
                StateHasChanged();
            });
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // The page closed while reading.
        }
        catch (Exception)
        {
            await InvokeAsync(() =>
            {
                _failed = true;
                StateHasChanged();
            });
            throw;
        }
    }

    private void Apply(BoardSnapshot snapshot)
    {
        Snapshot = snapshot;
        _refreshes++;
        var arrivals = snapshot.Arrivals;
        _labels = Enumerable.Range(0, ArrivalSeries.Buckets)
            .Select(i => i % 8 == 0 ? BoardFormat.Number(i / 4) + ":" + BoardFormat.Number(0) + BoardFormat.Number(0) : "")
            .ToArray();
        _series =
        [
            new ChartSeries<double> { Name = T["ArrivalsToday"], Data = new ChartData<double>(arrivals.TodayCounts.Select(c => (double)c).ToArray()) },
            new ChartSeries<double> { Name = string.Format(T["ArrivalsAverage"], BoardFormat.Number(arrivals.WeeksAveraged)), Data = new ChartData<double>(arrivals.Average.ToArray()) },
        ];
    }

    private static Color PresenceColor(Presence p) => p switch
    {
        Presence.Available => Color.Success,
        Presence.Busy => Color.Warning,
        Presence.OnBreak => Color.Info,
        Presence.Offline => Color.Default,
        _ => Color.Default,
    };
}
