using System.Threading.Channels;
using ComplaintConsole.Realtime;
using ComplaintConsole.Tests.Desks;
using ComplaintConsole.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace ComplaintConsole.Tests.Realtime;

/// <summary>The hub over a real Kestrel port with the real SignalR client, signed in through the real form.</summary>
public sealed class ComplaintsHubTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly AppFactory _app = new();
    private readonly Uri _base;

    public ComplaintsHubTests() => _base = _app.StartOnLoopback();

    [Fact]
    public async Task Hub_Anonymous_IsRefused()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(_base, ComplaintsHub.Path)).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Hub_Administrator_IsForbidden()
    {
        await using var connection = await ConnectAsync("admin", start: false);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task Hub_Operator_ReceivesItsDeskInSequence_NotOtherDesks()
    {
        var (connection, received) = await ListenAsync("operator1");
        await using var _ = connection;

        var urban = await TestComplaints.FileManyAsync(_app.Services, 5);
        var health = await TestComplaints.FileAsync(_app.Services, agencyCode: "tums");
        var last = await TestComplaints.FileAsync(_app.Services);
        var messages = await ReadUntilAsync(received, last.TrackingCode);

        Assert.Equal(urban.Select(c => c.TrackingCode).Append(last.TrackingCode), messages.Select(m => m.TrackingCode));
        Assert.DoesNotContain(messages, m => m.TrackingCode == health.TrackingCode);
        Assert.All(messages.Zip(messages.Skip(1)), pair =>
        {
            Assert.True(pair.Second.Sequence > pair.First.Sequence);
            Assert.Equal(pair.First.Sequence, pair.Second.PreviousSequence);
        });
    }

    [Fact]
    public async Task Hub_ReconnectingClient_RecoversTheGapFromTheDatabase()
    {
        var (first, received) = await ListenAsync("operator2");
        var before = await TestComplaints.FileAsync(_app.Services);
        var lastSeen = (await ReadUntilAsync(received, before.TrackingCode)).Last().Sequence;
        await first.DisposeAsync();

        var missed = await TestComplaints.FileManyAsync(_app.Services, 3);
        var (second, _) = await ListenAsync("operator2");
        await using var __ = second;
        var recovered = await second.InvokeAsync<List<CaseEventMessage>>("GetEventsAfter", lastSeen);

        Assert.Equal(missed.Select(c => c.TrackingCode), recovered.Select(m => m.TrackingCode));
        Assert.Equal(missed.Select(c => c.Events[0].Id), recovered.Select(m => m.Sequence));
    }

    [Fact]
    public async Task Hub_GetEventsAfter_FiltersByDeskForOperators_AllForSupervisors()
    {
        var urban = await TestComplaints.FileAsync(_app.Services);
        var health = await TestComplaints.FileAsync(_app.Services, agencyCode: "tums");
        var after = urban.Events[0].Id - 1;

        await using var op3 = await ConnectAsync("operator3");
        await using var supervisor = await ConnectAsync("supervisor");
        var forOperator = await op3.InvokeAsync<List<CaseEventMessage>>("GetEventsAfter", after);
        var forSupervisor = await supervisor.InvokeAsync<List<CaseEventMessage>>("GetEventsAfter", after);

        Assert.Equal([health.TrackingCode], forOperator.Select(m => m.TrackingCode));
        Assert.Equal([urban.TrackingCode, health.TrackingCode], forSupervisor.Select(m => m.TrackingCode));
    }

    [Fact]
    public async Task Hub_GetDeskLoad_OperatorsNone_SupervisorTheirDesks_ManagerAll()
    {
        await using var op = await ConnectAsync("operator1");
        await using var supervisor = await ConnectAsync("supervisor");
        await using var manager = await ConnectAsync("manager");

        var forOperator = await op.InvokeAsync<List<DeskLoadMessage>>("GetDeskLoad");
        var forSupervisor = await supervisor.InvokeAsync<List<DeskLoadMessage>>("GetDeskLoad");
        var forManager = await manager.InvokeAsync<List<DeskLoadMessage>>("GetDeskLoad");

        Assert.Empty(forOperator);
        Assert.Equal(["health", "urban"], forSupervisor.Select(l => l.DeskCode).Order(StringComparer.Ordinal));
        Assert.Equal(4, forManager.Count);
    }

    [Fact]
    public async Task Hub_Supervisor_ReceivesPresenceChanges()
    {
        await using var supervisor = await ConnectAsync("supervisor", start: false);
        var presence = Channel.CreateUnbounded<PresenceMessage>();
        supervisor.On<PresenceMessage>(nameof(IComplaintsClient.PresenceChanged), m => presence.Writer.TryWrite(m));
        await supervisor.StartAsync();
        var op = await TestComplaints.AccessAsync(_app.Services, "operator1");
        var desks = _app.Services.GetService(typeof(ComplaintConsole.Desks.DeskService)) as ComplaintConsole.Desks.DeskService;

        await desks!.StartShiftAsync(op, op.DeskIds.Single());
        var message = await presence.Reader.ReadAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(op.UserId, message.UserId);
        Assert.Equal("Available", message.Presence);
    }

    public void Dispose() => _app.Dispose();

    private async Task<HubConnection> ConnectAsync(string user, bool start = true)
    {
        var cookie = await TestComplaints.CookieForAsync(_base, user);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_base, ComplaintsHub.Path), o => o.Headers["Cookie"] = cookie)
            .Build();
        if (start)
        {
            await connection.StartAsync();
        }

        return connection;
    }

    private async Task<(HubConnection Connection, ChannelReader<CaseEventMessage> Received)> ListenAsync(string user)
    {
        var connection = await ConnectAsync(user, start: false);
        var channel = Channel.CreateUnbounded<CaseEventMessage>();
        connection.On<CaseEventMessage>(nameof(IComplaintsClient.CaseEvent), m => channel.Writer.TryWrite(m));
        await connection.StartAsync();

        // The server joins the connection to its groups in OnConnectedAsync, which may still run when StartAsync
        // returns; a hub call is only processed after it, so one round trip means "listening" (a real client does the
        // same: it asks for what it missed once connected).
        await connection.InvokeAsync<List<CaseEventMessage>>("GetEventsAfter", long.MaxValue);
        return (connection, channel.Reader);
    }

    private static async Task<List<CaseEventMessage>> ReadUntilAsync(ChannelReader<CaseEventMessage> reader, string trackingCode)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var list = new List<CaseEventMessage>();
        await foreach (var m in reader.ReadAllAsync(timeout.Token))
        {
            list.Add(m);
            if (m.TrackingCode == trackingCode)
            {
                break;
            }
        }

        return list;
    }
}
