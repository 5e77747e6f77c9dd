using System.Text.Json;
using Microsoft.Playwright;

namespace Workspace.Benchmarks.Frontend;

/// <summary>Chromium's own throttling through the DevTools protocol, and a log of what crossed the network.</summary>
public static class Throttle
{
    public static async Task<NetworkLog> ApplyAsync(IBrowserContext context, IPage page)
    {
        var cdp = await context.NewCDPSessionAsync(page);
        var log = new NetworkLog();
        cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) => log.Sent(e!.Value);
        cdp.Event("Network.responseReceived").OnEvent += (_, e) => log.Received(e!.Value);
        cdp.Event("Network.dataReceived").OnEvent += (_, e) => log.Data(e!.Value);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = 150,
            ["downloadThroughput"] = 1_600_000 / 8,
            ["uploadThroughput"] = 750_000 / 8,
        });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
        return log;
    }
}

/// <summary>Requests sent and body bytes received as they came over the wire (compressed; 0 from the cache).</summary>
public sealed class NetworkLog
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _types = [];
    private readonly Dictionary<string, long> _bytes = [];
    private int _requests;

    public void Clear()
    {
        lock (_gate)
        {
            _types.Clear();
            _bytes.Clear();
            _requests = 0;
        }
    }

    public void Sent(JsonElement e)
    {
        var url = e.GetProperty("request").GetProperty("url").GetString() ?? "";
        if (!url.StartsWith("http", StringComparison.Ordinal))
        {
            return;
        }
        lock (_gate)
        {
            _requests++;
        }
    }

    public void Received(JsonElement e)
    {
        lock (_gate)
        {
            _types[e.GetProperty("requestId").GetString()!] = e.GetProperty("type").GetString() ?? "";
        }
    }

    public void Data(JsonElement e)
    {
        lock (_gate)
        {
            var id = e.GetProperty("requestId").GetString()!;
            _bytes[id] = _bytes.GetValueOrDefault(id) + e.GetProperty("encodedDataLength").GetInt64();
        }
    }

    public Visit Snapshot(double milliseconds)
    {
        lock (_gate)
        {
            long Of(string type) => _bytes.Where(b => _types.GetValueOrDefault(b.Key) == type).Sum(b => b.Value);
            return new Visit(Of("Script"), Of("Stylesheet"), _requests, milliseconds);
        }
    }
}
