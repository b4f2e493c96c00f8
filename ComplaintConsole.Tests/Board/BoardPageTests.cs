using Bunit;
using ComplaintConsole.Board;
using ComplaintConsole.Domain;
using ComplaintConsole.Realtime;
using ComplaintConsole.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ComplaintConsole.Tests.Board;

public sealed class BoardPageTests : ComponentTestContext
{
    private readonly FakeBoard _board = new();
    private readonly LiveFeed _feed = new(NullLogger<LiveFeed>.Instance);
    private readonly PresenceBoard _presence = new();

    public BoardPageTests()
    {
        Services.AddSingleton<IBoardService>(_board);
        Services.AddSingleton(_feed);
        Services.AddSingleton(_presence);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        Services.AddSingleton(Options.Create(new BoardOptions()));
        ComponentFactories.AddStub<DailySummariesPanel>();
    }

    [Fact]
    public void Render_Snapshot_ShowsDeskFiguresInPersianDigits()
    {
        _board.Queue = 12;

        var cut = Render<BoardPage>();

        Assert.Equal("۱۲", cut.Find("[data-desk='urban'] [data-figure='queue'] .figure-value").TextContent);
        Assert.Contains("میز خدمات شهری", cut.Find("[data-desk='urban']").TextContent);
    }

    [Fact]
    public void FeedPublishes_AfterTheInterval_FiguresChangeWithoutReload()
    {
        _board.Queue = 3;
        var cut = Render<BoardPage>();
        Clock.Advance(TimeSpan.FromSeconds(1));
        _board.Queue = 4;

        _feed.Publish(Event());

        cut.WaitForAssertion(() => Assert.Equal("۴", cut.Find("[data-desk='urban'] [data-figure='queue'] .figure-value").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(2, _board.Reads);
    }

    [Fact]
    public void OperatorGoesOnBreak_BoardShowsTheNewPresenceWithoutReload()
    {
        var cut = Render<BoardPage>();
        Assert.Contains("آماده", cut.Find("[data-desk='urban']").TextContent);
        Clock.Advance(TimeSpan.FromSeconds(1));
        _board.Presence = Presence.OnBreak;

        _presence.Publish(new PresenceChange("op1", "مریم احمدی", 1, Presence.OnBreak, Instant.FromUnixTimeSeconds(0)));

        cut.WaitForAssertion(() => Assert.Contains("استراحت", cut.Find("[data-desk='urban']").TextContent), TimeSpan.FromSeconds(10));
    }

    private static LiveEvent Event() => new(
        1, 1, "T1", ComplaintEventKind.Received, Instant.FromUnixTimeSeconds(0), "citizen", 1, 1, null, ComplaintStatus.New, 0,
        Instant.FromUnixTimeSeconds(0), Instant.FromUnixTimeSeconds(0), false);

    private sealed class FakeBoard : IBoardService
    {
        private int _reads;

        public int Queue { get; set; }

        public Presence Presence { get; set; } = Presence.Available;

        public int Reads => Volatile.Read(ref _reads);

        public Task<BoardSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            var figures = GroupFigures.Empty("urban", "میز خدمات شهری", "Urban services desk") with { QueueDepth = Queue };
            var empty = BoardSnapshot.Empty(Instant.FromUnixTimeSeconds(1_764_900_000));
            return Task.FromResult(empty with
            {
                Desks = [new DeskFigures(figures, [new OperatorFigures("op1", "مریم احمدی", Presence, 2)])],
                Total = figures with { Key = "total" },
            });
        }
    }
}
