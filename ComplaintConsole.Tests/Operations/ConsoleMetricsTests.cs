using System.Net;
using ComplaintConsole.Sla;
using ComplaintConsole.Tests.Intake;
using ComplaintConsole.Tests.Sla;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Operations;

[Collection(nameof(MetricsCollection))]
public sealed class IntakeMetricsTests(IntakeAppFactory app) : IClassFixture<IntakeAppFactory>
{
    [Fact]
    public async Task PostComplaint_Stored_CountsOneReceivedOnChannelApi()
    {
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        using var received = new MetricRecorder("complaints.received");

        var response = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(), "metrics-stored"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var measurement = Assert.Single(received.Measurements);
        Assert.Equal(1, measurement.Value);
        Assert.Equal("Api", measurement.Tags["channel"]);
    }

    [Fact]
    public async Task PostComplaint_Refused_CountsNothing()
    {
        var client = app.ClientWithKey(IntakeAppFactory.SubmitKey);
        using var received = new MetricRecorder("complaints.received");

        var response = await client.SendAsync(IntakeAppFactory.Post(IntakeAppFactory.ValidBody(agency: "ministry-of-magic"), "metrics-refused"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Error.Agency.Unknown", await response.Content.ReadAsStringAsync());
        Assert.Empty(received.Measurements);
    }
}

[Collection(nameof(MetricsCollection))]
public sealed class SweepMetricsTests
{
    [Fact]
    public async Task SweepAsync_FlagsThreeThenEscalatesThem_CountsThreeAtLevelOneThenThreeAtLevelTwo()
    {
        await using var host = SlaHost.Start();
        var sweep = host.Get<OverdueSweep>();
        await host.AddCasesAsync(At(2026, 12, 5, 10, 0), count: 3);
        using var flagged = new MetricRecorder("complaints.flagged_overdue");

        host.SetLocal(2026, 12, 6, 7, 29);
        await sweep.SweepAsync();
        var beforeDeadline = flagged.Measurements.Count;
        host.SetLocal(2026, 12, 6, 7, 30);
        await sweep.SweepAsync();
        await sweep.SweepAsync();
        var afterFirst = flagged.Measurements.ToList();
        host.SetLocal(2026, 12, 7, 7, 30);
        await sweep.SweepAsync();

        Assert.Equal(0, beforeDeadline);
        var first = Assert.Single(afterFirst);
        Assert.Equal(3, first.Value);
        Assert.Equal(1, first.Tags["level"]);
        var second = flagged.Measurements[^1];
        Assert.Equal(3, second.Value);
        Assert.Equal(2, second.Tags["level"]);
        Assert.Equal(6, flagged.Measurements.Sum(m => m.Value));
    }
}
