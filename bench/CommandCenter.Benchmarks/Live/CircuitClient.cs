using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Benchmarks.Live;

/// <summary>
/// A wall that is not a browser: it opens a page's Blazor Server circuit as blazor.web.js 10 does
/// (the prerendered page's component markers, then StartCircuit and UpdateRootComponents over
/// blazorpack) and acknowledges every render batch the moment it arrives, so the server's cost of
/// an open wall can be measured without a browser's backlog mixed in. It applies nothing: it only
/// counts batches and bytes, and looks for text in them (a batch carries its new strings as UTF-8).
/// </summary>
internal sealed partial class CircuitClient(HubConnection connection, Uri app, CookieContainer cookies, IReadOnlyDictionary<string, string> answers)
    : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly List<(byte[] Text, TaskCompletionSource Seen)> _watches = [];
    private List<byte[]>? _recorded;
    private long _nextJsObjectId;
    private string? _circuitId;

    public long Batches { get; private set; }

    public long BytesReceived { get; private set; }

    /// <summary>Set when the server reported a circuit error (JS.Error) or the connection closed.</summary>
    public string? Failure { get; private set; }

    /// <summary>
    /// Opens <paramref name="pagePath"/> as a browser would, with the cookies its first response sets,
    /// and waits until a render batch carries <paramref name="readyText"/>.
    /// <paramref name="answers"/> are the JSON results of the page's JS interop calls by identifier
    /// (a call not in it gets null, or a new object reference when it asks for one).
    /// </summary>
    public static async Task<CircuitClient> OpenAsync(Uri app, string pagePath, string readyText, IReadOnlyDictionary<string, string> answers)
    {
        var cookies = new CookieContainer();
        var pageUri = new Uri(app, pagePath);
        string html;
        using (var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }))
            html = await http.GetStringAsync(pageUri);
        var markers = ServerMarker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!)
            .Where(marker => (string?)marker["type"] == "server")
            .ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"{pagePath} carries no interactive server component.");
        var applicationState = ComponentState().Match(html) is { Success: true } state ? state.Groups[1].Value : "";

        var builder = new HubConnectionBuilder().WithUrl(new Uri(app, "_blazor"), HttpTransportType.WebSockets, o =>
        {
            o.SkipNegotiation = true;
            o.Cookies = cookies;
        });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var client = new CircuitClient(builder.Build(), app, cookies, answers);
        try
        {
            await client.StartAsync(pageUri, markers, applicationState, readyText);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(Uri pageUri, List<JsonNode> markers, string applicationState, string readyText)
    {
        var ready = Watch(readyText);
        Listen();
        await connection.StartAsync();

        _circuitId = await connection.InvokeAsync<string?>("StartCircuit", app.ToString(), pageUri.ToString(), "[]", applicationState);
        if (string.IsNullOrEmpty(_circuitId)) throw new InvalidOperationException($"The server refused to start a circuit for {pageUri.AbsolutePath}: {Failure}");
        // blazor.web.js numbers the page's interactive components from 1 and adds them in one batch.
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker,
            }).ToArray()),
        };
        await connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), applicationState);
        await ready.WaitAsync(ReadyWithin);
    }

    /// <summary>Keeps the batches from now on, so that text known only later can still be found in them.</summary>
    public void Record()
    {
        lock (_gate) _recorded = [];
    }

    /// <summary>Whether a batch since <see cref="Record"/>, or one within <paramref name="within"/>, carries <paramref name="text"/>.</summary>
    public async Task<bool> ShowsAsync(string text, TimeSpan within)
    {
        Task seen;
        lock (_gate)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var already = _recorded?.Any(batch => batch.AsSpan().IndexOf(bytes) >= 0) == true;
            _recorded = null;
            if (already) return true;
            seen = Watch(text);
        }
        try
        {
            await seen.WaitAsync(within);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private Task Watch(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _watches.Add((Encoding.UTF8.GetBytes(text), seen));
        return seen.Task;
    }

    private void Listen()
    {
        connection.On<long, byte[]>("JS.RenderBatch", async (batchId, data) =>
        {
            Received(data);
            await connection.SendAsync("OnRenderCompleted", batchId, null);
        });
        // .NET 10's RemoteJSRuntime: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async arguments =>
        {
            var asyncHandle = (long)arguments[0]!;
            if (asyncHandle == 0) return;
            var result = Answer((string)arguments[1]!, (JSCallResultType)(int)arguments[3]!);
            await connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
        });
        connection.On<string>("JS.Error", error => Failure = error);
        // The browser's bookkeeping; nothing to answer.
        connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<string, bool, string>("JS.EndInvokeDotNet", (_, _, _) => { });
        connection.Closed += error =>
        {
            Failure ??= error?.Message ?? "connection closed";
            return Task.CompletedTask;
        };
    }

    private void Received(byte[] data)
    {
        lock (_gate)
        {
            Batches++;
            BytesReceived += data.Length;
            _recorded?.Add(data);
            foreach (var watch in _watches.Where(w => data.AsSpan().IndexOf(w.Text) >= 0).ToList())
            {
                watch.Seen.TrySetResult();
                _watches.Remove(watch);
            }
        }
    }

    private string Answer(string identifier, JSCallResultType resultType) =>
        resultType == JSCallResultType.JSObjectReference
            ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}"
            : answers.GetValueOrDefault(identifier, "null");

    /// <summary>Ends the circuit as a closing page does: the disconnect beacon, not a 3-minute retention.</summary>
    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        if (_circuitId is null) return;
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app };
        using var beacon = await http.PostAsync("_blazor/disconnect", new FormUrlEncodedContent([new("circuitId", _circuitId)]));
    }

    /// <summary>Microsoft.JSInterop's JSCallResultType, as the server sends it.</summary>
    private enum JSCallResultType
    {
        Default = 0,
        JSObjectReference = 1,
        JSStreamReference = 2,
        JSVoidResult = 3,
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex ServerMarker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex ComponentState();
}
