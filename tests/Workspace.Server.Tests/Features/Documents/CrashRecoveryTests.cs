using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>The server process is killed with SIGKILL under edit load and restarted on the same SQLite file.</summary>
public sealed partial class CrashRecoveryTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private sealed class RetryForever : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.ElapsedTime < TimeSpan.FromSeconds(90) ? TimeSpan.FromMilliseconds(250) : null;
    }

    [Fact]
    public async Task KilledServerKeepsEveryAcknowledgedEditAndPendingEditsLandExactlyOnce()
    {
        await using var server = new ServerProcess(
            settings: new Dictionary<string, string> { ["Documents:SnapshotInterval"] = "25" });
        await server.StartAsync(_ct);

        var cookies = new CookieContainer();
        using var http = await server.SignUpAsync("Crash Tester", cookies, ct: _ct);
        var (partnershipId, docId) = await DocumentTestKit.CreateDocumentAsync(http, "Crash", "Under load", _ct);

        var clients = new List<(HubConnection Connection, CoEditingSession Session)>();
        for (var i = 0; i < 3; i++)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(server.BaseUrl + DocumentHubNames.Path, o => o.Cookies = cookies)
                .WithAutomaticReconnect(new RetryForever())
                .Build();
            await connection.StartAsync(_ct);
            var session = new CoEditingSession(connection, docId);
            await session.OpenAsync(_ct);
            clients.Add((connection, session));
        }

        var typed = clients.Select(_ => new List<string>()).ToArray();
        using var stopTyping = new CancellationTokenSource();
        var typing = clients.Select((c, i) => Task.Run(async () =>
        {
            var random = new Random(i);
            for (var n = 0; !stopTyping.IsCancellationRequested; n++)
            {
                var token = $"[c{i}-{n}]";
                // Insert only between tokens, so a token is never split and can be counted afterwards. The
                // position is chosen inside the edit: a remote op landing in between would make it stale.
                c.Session.Edit(text =>
                {
                    var boundaries = new List<int> { 0 };
                    for (var at = text.IndexOf(']', StringComparison.Ordinal); at >= 0; at = text.IndexOf(']', at + 1))
                    {
                        boundaries.Add(at + 1); // tokens are ASCII: UTF-16 offsets are code points
                    }
                    return TextOperation.Insert(boundaries[random.Next(boundaries.Count)], token);
                });
                lock (typed[i])
                {
                    typed[i].Add(token);
                }
                await Task.Delay(random.Next(2, 10));
            }
        })).ToArray();

        await Task.Delay(2000, _ct); // two seconds of load at least
        // Enough acknowledged edits before the kill, however long a stalled test host took to hear the answers.
        await DocumentTestKit.EventuallyAsync(
            () => clients.SelectMany(c => Tokens(c.Session.ConfirmedText)).Distinct().Count() > 50,
            TimeSpan.FromSeconds(30), "more than 50 acknowledged edits", _ct);
        var acknowledged = clients.SelectMany(c => Tokens(c.Session.ConfirmedText)).ToHashSet();
        server.Kill();
        var typedAtKill = typed.Select(t => { lock (t) { return t.Count; } }).ToArray();
        await Task.Delay(700, _ct); // still typing while the server is down: these edits are pending
        // Each typist typed while the server was down, even if the test host stalled through the pause.
        await DocumentTestKit.EventuallyAsync(
            () => typed.Select((t, i) => { lock (t) { return t.Count > typedAtKill[i]; } }).All(more => more),
            TimeSpan.FromSeconds(30), "edits typed while the server is down", _ct);
        await stopTyping.CancelAsync();
        await Task.WhenAll(typing);
        Assert.Contains(clients, c => !c.Session.IsSynced);

        await server.StartAsync(_ct);
        string afterRestart;
        try
        {
            afterRestart = await DocumentTextAsync(http, partnershipId, docId);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException(
                "Reading the document after the restart failed; server said:\n"
                + server.Output[^Math.Min(4000, server.Output.Length)..],
                ex);
        }
        var missing = acknowledged.Where(t => !afterRestart.Contains(t, StringComparison.Ordinal)).ToList();
        Assert.True(acknowledged.Count > 50, $"only {acknowledged.Count} edits were acknowledged before the kill");
        Assert.True(missing.Count == 0, $"acknowledged but lost: {string.Join(", ", missing.Take(10))}");

        foreach (var (_, session) in clients)
        {
            await session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(60), _ct);
        }
        var final = await DocumentTextAsync(http, partnershipId, docId);
        var counts = Tokens(final).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var all = typed.SelectMany(t => t).ToList();
        var lost = all.Where(t => !counts.ContainsKey(t)).ToList();
        var doubled = counts.Where(c => c.Value > 1).Select(c => c.Key).ToList();
        Assert.True(lost.Count == 0, $"lost: {string.Join(", ", lost.Take(10))}");
        Assert.True(doubled.Count == 0, $"applied twice: {string.Join(", ", doubled.Take(10))}");
        Assert.Equal(all.Count, counts.Count);
        await DocumentTestKit.EventuallyAsync(
            () => clients.All(c => c.Session.Text == final),
            TimeSpan.FromSeconds(20),
            "clients converge after the restart",
            _ct);
        foreach (var (connection, _) in clients)
        {
            await connection.DisposeAsync();
        }
    }

    private static async Task<string> DocumentTextAsync(HttpClient http, Guid partnershipId, Guid documentId) =>
        (await http.GetFromJsonAsync<DocumentTestKit.DocumentContentDto>(
            $"/api/partnerships/{partnershipId}/documents/{documentId}"))!
            .Text;

    private static IEnumerable<string> Tokens(string text) => TokenPattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\[c\d+-\d+\]")]
    private static partial Regex TokenPattern();
}
