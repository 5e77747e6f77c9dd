using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Client;
using Workspace.Collaboration.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Data;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// Two server processes form one cluster (Orleans membership in Redis, SignalR Redis backplane, one PostgreSQL):
/// people connected to different nodes co-edit one document and see each other's changes live.
/// </summary>
public sealed class MultiNodeTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task PeopleOnTwoNodesCoEditOneDocumentAndSeeEachOthersChangesLive()
    {
        var postgres = PostgresTests.ConnectionString($"ws_{Guid.NewGuid():N}");
        var redis = Environment.GetEnvironmentVariable("WORKSPACE_TEST_REDIS");
        Assert.SkipWhen(
            postgres is null || string.IsNullOrEmpty(redis),
            "WORKSPACE_TEST_POSTGRES and WORKSPACE_TEST_REDIS are not set; infra/test.sh starts both.");
        var cluster = Guid.NewGuid().ToString("N");
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = postgres!,
            ["Orleans:Redis"] = redis!,
            ["Orleans:ClusterId"] = cluster,
            ["Orleans:ServiceId"] = cluster,
            ["Orleans:OnlineEntryLifetime"] = "00:00:03",
        };
        await using var nodeA = new ServerProcess(settings: settings);
        await nodeA.StartAsync(_ct);

        // Rina signs up on node A; the cookie is good on every node (data-protection keys live in the database), and
        // one
        // cookie container serves both, as cookies are not kept apart by port.
        var cookies = new CookieContainer();
        using var httpA = await nodeA.SignUpAsync("Rina Nodes", cookies, ct: _ct);
        var partnership = await (await httpA.PostAsJsonAsync(
            "/api/partnerships",
            new { name = "Two nodes", organisation = "Org" },
            _ct))
            .Content.ReadFromJsonAsync<Created>(_ct);
        var document = await (await httpA.PostAsJsonAsync(
            $"/api/partnerships/{partnership!.Id}/documents",
            new { title = "Joint plan" },
            _ct))
            .Content.ReadFromJsonAsync<Created>(_ct);

        await using var nodeB = new ServerProcess(settings: settings);
        await nodeB.StartAsync(_ct);
        await using var onA = Connect(nodeA, cookies, DocumentHubNames.Path);
        await using var onB = Connect(nodeB, cookies, DocumentHubNames.Path);
        await onA.StartAsync(_ct);
        await onB.StartAsync(_ct);
        var a = new CoEditingSession(onA, document!.Id);
        var b = new CoEditingSession(onB, document.Id);
        await a.OpenAsync(_ct);
        await b.OpenAsync(_ct);

        // A starts the text, so B's appends (at its end) and A's inserts (at 0) never meet at one position.
        a.Insert(0, "|");
        await a.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(30), _ct);
        await EventuallyAsync(() => b.Text == "|", TimeSpan.FromSeconds(15), "node B's editor sees node A's edit", _ct);
        for (var i = 0; i < 30; i++)
        {
            a.Edit(text => Workspace.Collaboration.Ot.TextOperation.Insert(0, "a"));
            b.Edit(text => Workspace.Collaboration.Ot.TextOperation.Insert(text.Length, "b"));
            await Task.Delay(5, _ct);
        }
        await a.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(30), _ct);
        await b.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(30), _ct);
        var expected = new string('a', 30) + "|" + new string('b', 30);
        await EventuallyAsync(
            () => a.Text == expected && b.Text == expected,
            TimeSpan.FromSeconds(15),
            "both nodes' editors converge",
            _ct);

        // A partnership change made through node A reaches a partnership connection on node B.
        await using var liveB = Connect(nodeB, cookies, "/hubs/partnership");
        var kinds = new List<string>();
        liveB.On<PartnershipEvent>(
            nameof(IPartnershipClient.PartnershipChanged),
            e => { lock (kinds) { kinds.Add(e.Kind); } });
        await liveB.StartAsync(_ct);
        await liveB.InvokeAsync<JsonElement>("JoinPartnership", partnership.Id, _ct);
        (await httpA.PostAsJsonAsync(
            $"/api/partnerships/{partnership.Id}/action-items",
            new { title = "Made on node A", status = "Open", version = 0 },
            _ct))
            .EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => { lock (kinds) { return kinds.Contains("action.updated"); } }, _ct);

        // Both nodes serve the same stored text.
        using var httpB = new HttpClient(
            new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(nodeB.BaseUrl) };
        var fromB = await httpB.GetFromJsonAsync<DocumentContentDto>(
            $"/api/partnerships/{partnership.Id}/documents/{document.Id}",
            _ct);
        Assert.Equal(expected, fromB!.Text);

        // A colleague connected to node B is removed through node A: node B cuts their connection at once.
        var view = await httpA.GetFromJsonAsync<JsonElement>($"/api/partnerships/{partnership.Id}", _ct);
        var partyId = view.GetProperty("parties")[0].GetProperty("id").GetGuid();
        async Task<(CookieContainer Cookies, string Id)> JoinThroughNodeBAsync(string name)
        {
            var jar = new CookieContainer();
            var email = $"{name.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
            using var http = await nodeB.SignUpAsync(name, jar, email, _ct);
            var invitation = await (await httpA.PostAsJsonAsync(
                $"/api/partnerships/{partnership.Id}/invitations",
                new { partyId, email, role = "Editor", isPartyAdmin = false },
                _ct))
                .Content.ReadFromJsonAsync<JsonElement>(_ct);
            (await http.PostAsJsonAsync(
                $"/api/invitations/{invitation.GetProperty("token").GetString()}/accept",
                new { },
                _ct))
                .EnsureSuccessStatusCode();
            return (
                jar,
                (await http.GetFromJsonAsync<JsonElement>("/api/account/me", _ct)).GetProperty("id").GetString()!);
        }
        var (colleagueCookies, colleagueId) = await JoinThroughNodeBAsync("Colleague");
        // Who is online joins both nodes: Rina, now connected to node A only, sees the colleague who connected to node
        // B.
        await liveB.DisposeAsync();
        await onB.DisposeAsync();
        var rinaId = (await httpA.GetFromJsonAsync<JsonElement>("/api/account/me", _ct)).GetProperty("id").GetString();
        await using var liveA = Connect(nodeA, cookies, "/hubs/partnership");
        var online = new List<string[]>();
        liveA.On<PartnershipEvent>(nameof(IPartnershipClient.PartnershipChanged), e =>
        {
            if (e.Kind == "presence")
            {
                var ids = ((JsonElement)e.Payload)
                    .GetProperty("userIds")
                    .EnumerateArray()
                    .Select(i => i.GetString()!)
                    .ToArray();
                lock (online) { online.Add(ids); }
            }
        });
        await liveA.StartAsync(_ct);
        await liveA.InvokeAsync<JsonElement>("JoinPartnership", partnership.Id, _ct);
        await using var colleagueLive = Connect(nodeB, colleagueCookies, "/hubs/partnership");
        var closed = new TaskCompletionSource();
        colleagueLive.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await colleagueLive.StartAsync(_ct);
        await colleagueLive.InvokeAsync<JsonElement>("JoinPartnership", partnership.Id, _ct);
        await Eventually.TrueAsync(
            () => { lock (online) { return online.Any(ids => ids.Contains(colleagueId) && ids.Contains(rinaId)); } },
            _ct);

        (await httpA.DeleteAsync($"/api/partnerships/{partnership.Id}/members/{colleagueId}", _ct))
            .EnsureSuccessStatusCode();

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), _ct);

        // Node B dies without shutting down: Dewi, online through it, drops off Rina's list once node B's entry
        // expires (3 s here), with no join or leave to trigger it.
        var (dewiCookies, dewiId) = await JoinThroughNodeBAsync("Dewi");
        await using var dewiLive = Connect(nodeB, dewiCookies, "/hubs/partnership");
        await dewiLive.StartAsync(_ct);
        await dewiLive.InvokeAsync<JsonElement>("JoinPartnership", partnership.Id, _ct);
        await Eventually.TrueAsync(
            () =>
            {
                lock (online)
                {
                    return online.Count > 0 && online[^1].Contains(dewiId) && online[^1].Contains(rinaId);
                }
            },
            _ct);
        nodeB.Kill();
        await Eventually.TrueAsync(
            () => { lock (online) { return !online[^1].Contains(dewiId) && online[^1].Contains(rinaId); } },
            _ct,
            timeoutMs: 15_000);
        await onA.DisposeAsync();
        await onB.DisposeAsync();
    }

    private static HubConnection Connect(ServerProcess node, CookieContainer cookies, string path) =>
        new HubConnectionBuilder().WithUrl(node.BaseUrl + path, o => o.Cookies = cookies).Build();
}
