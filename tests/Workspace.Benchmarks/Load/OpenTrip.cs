using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Documents;

namespace Workspace.Benchmarks.Load;

// TEMPORARY measuring aid (not to be committed): splits a warm open's time into the server + wire part (a raw
// WebSocket that only collects bytes) and the .NET client's part (HubConnection.InvokeAsync).
public static class OpenTrip
{
    public static int Count { get; set; }

    public static async Task RunAsync(string url, CookieContainer cookies, Guid doc)
    {
        var n = Count;
        var hub = new List<double>();
        await using (var connection = new HubConnectionBuilder()
            .WithUrl(url + DocumentHubNames.Path, h => h.Cookies = cookies).Build())
        {
            await connection.StartAsync();
            for (var i = 0; i < n; i++)
            {
                var t = Stopwatch.GetTimestamp();
                using var cts = new CancellationTokenSource(10000);
                var s = await connection.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, doc, null, cts.Token);
                hub.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (s.Text is null) throw new InvalidOperationException();
            }
        }
        Console.Error.WriteLine("hub done");
        var raw = new List<double>();
        var firstByte = new List<double>();
        var frames = new List<int>();
        byte[] last = [];
        using (var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(url) })
        {
            var neg = await http.PostAsync(DocumentHubNames.Path + "/negotiate?negotiateVersion=1", null);
            neg.EnsureSuccessStatusCode();
            var token = JsonDocument.Parse(await neg.Content.ReadAsStringAsync()).RootElement
                .GetProperty("connectionToken").GetString();
            using var ws = new ClientWebSocket();
            ws.Options.Cookies = cookies;
            await ws.ConnectAsync(new Uri(url.Replace("http", "ws") + DocumentHubNames.Path + "?id=" + token), default);
            await ws.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"),
                WebSocketMessageType.Text, true, default);
            var buffer = new byte[4 << 20];
            await ws.ReceiveAsync(buffer, default);
            Console.Error.WriteLine("handshake done");
            for (var i = 0; i < n; i++)
            {
                var call = $"{{\"type\":1,\"invocationId\":\"{i}\",\"target\":\"OpenDocument\",\"arguments\":[\"{doc}\",null]}}\u001e";
                var t = Stopwatch.GetTimestamp();
                await ws.SendAsync(Encoding.UTF8.GetBytes(call), WebSocketMessageType.Text, true, default);
                var have = 0;
                var f = 0;
                var start = 0;
                while (true)
                {
                    var r = await ws.ReceiveAsync(buffer.AsMemory(have), new CancellationTokenSource(10000).Token);
                    if (f == 0) firstByte.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    f++;
                    have += r.Count;
                    if (have > 0 && buffer[have - 1] == 0x1e)
                    {
                        // the last message in the buffer
                        var prev = Array.LastIndexOf(buffer, (byte)0x1e, have - 2);
                        start = prev + 1;
                        if (buffer.AsSpan(start, have - start).StartsWith("{\"type\":3,"u8)) break;
                        if (have - start < 200) { have = 0; }
                    }
                }
                raw.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                frames.Add(f);
                last = buffer[start..(have - 1)];
            }
        }
        var parse = new List<double>();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        for (var i = 0; i < n; i++)
        {
            var t = Stopwatch.GetTimestamp();
            var d = JsonDocument.Parse(last);
            var s = d.RootElement.GetProperty("result").Deserialize<DocumentState>(options);
            parse.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            if (s!.Text is null) throw new InvalidOperationException();
        }
        static string P(List<double> v) => string.Create(CultureInfo.InvariantCulture,
            $"p10 {v.Order().ElementAt(v.Count / 10):0.0} p50 {v.Order().ElementAt(v.Count / 2):0.0} p90 {v.Order().ElementAt(v.Count * 9 / 10):0.0} ms");
        Console.WriteLine($"trip ({n} each): hub invoke {P(hub)}; raw ws last byte {P(raw)}; raw first byte {P(firstByte)}; " +
            $"frames/receives p50 {frames.Order().ElementAt(n / 2)}; message {last.Length:N0} bytes; client-side STJ parse {P(parse)}");
    }
}
