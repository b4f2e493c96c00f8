using ComplaintConsole.Board;
using ComplaintConsole.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintConsole.Tests.Board;

public sealed class BoardServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Snapshot_OpenCases_CountsQueueClaimedOverdueAndArrivalsPerDeskAgencyAndLayer()
    {
        var now = BoardTestData.Now(app);
        await BoardTestData.AddCaseAsync(app, "B10000001", now, Duration.FromMinutes(30));
        await BoardTestData.AddCaseAsync(app, "B10000002", now, Duration.FromMinutes(20), operatorUser: "operator1");
        await BoardTestData.AddCaseAsync(app, "B10000003", now, Duration.FromDays(3), operatorUser: "operator2", overdueLevel: 2);
        await BoardTestData.AddCaseAsync(app, "B10000004", now, Duration.FromMinutes(10), agency: "tums");

        var snapshot = await app.Services.GetRequiredService<IBoardService>().GetSnapshotAsync(TestContext.Current.CancellationToken);

        var urban = snapshot.Desks.Single(d => d.Figures.Key == "urban");
        Assert.Equal(1, urban.Figures.QueueDepth);
        Assert.Equal(2, urban.Figures.Claimed);
        Assert.Equal([0, 1, 0], urban.Figures.OverdueByLevel);
        Assert.Equal(1, urban.Operators.Single(o => o.DisplayName == "مریم احمدی").Claimed);
        Assert.Equal(1, snapshot.Desks.Single(d => d.Figures.Key == "health").Figures.QueueDepth);
        Assert.Equal(1, snapshot.Layers.Single(l => l.Key == "Regional").QueueDepth);
        Assert.Equal(3, snapshot.Agencies.Single(a => a.Key == "tehran-municipality").QueueDepth + snapshot.Agencies.Single(a => a.Key == "tehran-municipality").Claimed);
        Assert.Equal(3, snapshot.Arrivals.TodayTotal);
        Assert.True(urban.Figures.LongestWait > Duration.Zero);
    }
}
