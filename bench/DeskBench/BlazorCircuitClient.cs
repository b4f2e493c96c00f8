using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace DeskBench;

/// <summary>
/// A headless Blazor Server client: reads the prerendered page's component marker, opens the circuit over the
/// blazorpack protocol like blazor.web.js (StartCircuit, UpdateRootComponents), acknowledges render batches and answers
/// JS interop calls. It holds a real circuit on the server, so the server's memory per circuit is what a browser costs.
/// </summary>
public sealed partial class BlazorCircuitClient(Uri baseUri, string cookie) : IAsyncDisposable
{
    private static readonly byte[] QueueMarker = Encoding.UTF8.GetBytes("queue");
    private HubConnection? _connection;
    private long _nextObjectId;
    private long _resetAt;
    private long _firstAfterReset;
    private int _sawQueue;

    private int _renderBatches;
    private int _errors;
    private long _lastBatchAt;

    public int RenderBatches => Volatile.Read(ref _renderBatches);

    public int Errors => Volatile.Read(ref _errors);

    public long LastBatchAt => Interlocked.Read(ref _lastBatchAt);

    public bool Alive => _connection?.State == HubConnectionState.Connected;

    public bool SawMarkup(string _) => Volatile.Read(ref _sawQueue) == 1;

    public void ResetBatchClock()
    {
        Interlocked.Exchange(ref _firstAfterReset, 0);
        Interlocked.Exchange(ref _resetAt, Stopwatch.GetTimestamp());
    }

    public long FirstBatchAfter(long _) => Interlocked.Read(ref _firstAfterReset);

    public async Task StartAsync(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = baseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var markers = Marker().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var state = State().Match(html).Groups[1].Value;
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"No server component marker on {path} ({(int)response.StatusCode})");
        }

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "/_blazor"), o =>
            {
                o.Headers["Cookie"] = cookie;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        _connection = builder.Build();
        _connection.On("JS.RenderBatch", [typeof(object), typeof(object)], OnRenderBatchAsync, this);
        _connection.On("JS.BeginInvokeJS", [typeof(object), typeof(object), typeof(object), typeof(object), typeof(object)], OnBeginInvokeJsAsync, this);
        _connection.On("JS.Error", [typeof(object)], _ =>
        {
            Interlocked.Increment(ref _errors);
            return Task.CompletedTask;
        });
        await _connection.StartAsync();
        var circuitId = await _connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), new Uri(baseUri, path).ToString(), "[]", state);
        if (circuitId is null)
        {
            throw new InvalidOperationException("The server refused to start the circuit");
        }

        // Every interactive root of the page (the head outlet and the routes) becomes a root component of the circuit.
        var adds = string.Join(',', markers.Select((m, i) => $$"""{"type":"add","ssrComponentId":{{i + 1}},"marker":{{m}}}"""));
        var operations = $$"""{"batchId":1,"operations":[{{adds}}]}""";
        await _connection.SendAsync("UpdateRootComponents", operations, state);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private static Task OnRenderBatchAsync(object?[] args, object state)
    {
        var self = (BlazorCircuitClient)state;
        var batchId = Convert.ToInt64(args[0], System.Globalization.CultureInfo.InvariantCulture);
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref self._renderBatches);
        Interlocked.Exchange(ref self._lastBatchAt, now);
        if (Interlocked.Read(ref self._resetAt) > 0)
        {
            Interlocked.CompareExchange(ref self._firstAfterReset, now, 0);
        }

        if (Environment.GetEnvironmentVariable("DESKBENCH_DEBUG") == "1" && args[1] is byte[] raw)
        {
            Console.WriteLine($"batch {batchId}: " + new string(Encoding.UTF8.GetString(raw).Where(ch => !char.IsControl(ch)).ToArray()));
        }

        if (args[1] is byte[] data && data.AsSpan().IndexOf(QueueMarker) >= 0)
        {
            Volatile.Write(ref self._sawQueue, 1);
        }

        return self._connection!.SendAsync("OnRenderCompleted", batchId, null);
    }

    private static Task OnBeginInvokeJsAsync(object?[] args, object state)
    {
        var self = (BlazorCircuitClient)state;
        var taskId = Convert.ToInt64(args[0], System.Globalization.CultureInfo.InvariantCulture);
        if (taskId == 0)
        {
            return Task.CompletedTask; // fire-and-forget call
        }

        var identifier = args[1] as string ?? "";
        if (Environment.GetEnvironmentVariable("DESKBENCH_DEBUG") == "1")
        {
            Console.WriteLine("JS call: " + string.Join(" | ", args.Select(a => $"{a?.GetType().Name}:{a}")));
        }
        var resultType = Convert.ToInt32(args[3], System.Globalization.CultureInfo.InvariantCulture);
        var result = resultType switch
        {
            1 => $$"""{"__jsObjectId":{{Interlocked.Increment(ref self._nextObjectId)}}}""",
            _ when identifier == "getSound" => "false",
            _ when identifier == "window.hasOwnProperty" => "true",
            _ when identifier == "mudpopoverHelper.countProviders" => "1",
            _ => "null",
        };
        return self._connection!.SendAsync("EndInvokeJSFromDotNet", taskId, true, $"[{taskId},true,{result}]");
    }

    [GeneratedRegex(@"<!--Blazor:(\{""type"":""server"".*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex State();

    /// <summary>
    /// Blazor's hub protocol is MessagePack under the name "blazorpack". The JS interop call's argument count differs
    /// between framework versions, so a binding failure is retried with other arities.
    /// </summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";

        public int Version => _inner.Version;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message)
        {
            var original = input;
            if (!_inner.TryParseMessage(ref input, binder, out message))
            {
                return false;
            }

            if (message is InvocationBindingFailureMessage failure)
            {
                for (var arity = 1; arity <= 8; arity++)
                {
                    var again = original;
                    if (_inner.TryParseMessage(ref again, new Arity(binder, failure.Target, arity), out var retry) && retry is InvocationMessage)
                    {
                        input = again;
                        message = retry;
                        break;
                    }
                }
            }

            return true;
        }

        private sealed class Arity(IInvocationBinder inner, string target, int count) : IInvocationBinder
        {
            public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
                methodName == target ? Enumerable.Repeat(typeof(object), count).ToArray() : inner.GetParameterTypes(methodName);

            public Type GetReturnType(string invocationId) => inner.GetReturnType(invocationId);

            public Type GetStreamItemType(string streamId) => inner.GetStreamItemType(streamId);
        }
    }
}
