using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// Who is online: each join or leave costs in proportion to that partnership's people, not to the node's connections.
/// </summary>
public sealed class LiveConnectionsTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void PresenceWorkOfLeavesDoesNotGrowWithUnrelatedConnections()
    {
        var alone = WorkOfFortyLeaves(unrelated: 0);
        var crowded = WorkOfFortyLeaves(unrelated: 20_000);

        Assert.Equal(alone, crowded);
        Assert.InRange(alone, 1, 40 * 8); // each leave looks at most at the partnership's eight people
    }

    [Fact]
    public void TenThousandLeavingAtOnceCostEachNoMoreThanTheirOwnPartnership()
    {
        var live = new LiveConnections();
        var partnerships = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToArray();
        var contexts = Enumerable.Range(0, 10_000).Select(i => new FakeContext($"c{i}")).ToArray();
        for (var i = 0; i < contexts.Length; i++)
        {
            live.Track(contexts[i], $"user-{i}", partnerships[i % 100]);
        }
        var before = live.Work;

        foreach (var context in contexts)
        {
            foreach (var left in live.Forget(context.ConnectionId))
            {
                live.Online(left); // what a hub does on disconnect: tell the partnership who is still here
            }
        }

        // 100 people per partnership: a leave looks at most at 99 others (a scan of the node would be up to 10,000).
        Assert.InRange(live.Work - before, 1, 10_000 * 99);
        Assert.Empty(live.Partnerships());
    }

    [Fact]
    public void OnlineListsEachPartnershipsPeopleAndRevokeCutsOnlyTheRemovedPersonsConnections()
    {
        var live = new LiveConnections();
        var (p, q) = (Guid.NewGuid(), Guid.NewGuid());
        var (ana1, ana2, anaQ, budi) = (
            new FakeContext("a1"),
            new FakeContext("a2"),
            new FakeContext("aq"),
            new FakeContext("b"));
        live.Track(ana1, "ana", p);
        live.Track(ana1, "ana", p); // hubs track on every call
        live.Track(ana2, "ana", p);
        live.Track(anaQ, "ana", q);
        live.Track(budi, "budi", p);

        Assert.Equal(["ana", "budi"], live.Online(p).Order());
        Assert.Equal(["ana"], live.Online(q));
        Assert.Equal(2, live.RevokeHere(p, "ana"));
        Assert.Equal((true, true, false, false), (ana1.Aborted, ana2.Aborted, anaQ.Aborted, budi.Aborted));
        Assert.Equal(["budi"], live.Online(p));
        Assert.Equal(["ana"], live.Online(q));
        Assert.Empty(live.Forget("a1")); // its partnership was already cut
        Assert.Equal([p], live.Forget("b"));
        Assert.Empty(live.Online(p));
        Assert.Equal([q], live.Partnerships());
        Assert.True(live.Leave("aq", q));
        Assert.False(live.Leave("aq", q));
        Assert.Empty(live.Partnerships());
    }

    [Fact]
    public async Task MembersHearWhoIsOnlineWhenSomeoneJoinsAndLeaves()
    {
        var ana = await factory.SignUpAsync("Ana online", ct: _ct);
        var partnership = await ana.CreatePartnershipAsync("Online", _ct);
        var budi = await factory.JoinAsync(ana, partnership.Id, PartnershipRole.Viewer, "Budi online", ct: _ct);
        await using var anaHub = factory.Hub(ana, "/hubs/partnership");
        var budiHub = factory.Hub(budi, "/hubs/partnership");
        var heard = new List<string[]>();
        anaHub.On<PartnershipEvent>(nameof(IPartnershipClient.PartnershipChanged), e =>
        {
            if (e.Kind == "presence")
            {
                var online = ((JsonElement)e.Payload)
                    .GetProperty("userIds")
                    .EnumerateArray()
                    .Select(u => u.GetString()!)
                    .Order(StringComparer.Ordinal)
                    .ToArray();
                lock (heard) { heard.Add(online); }
            }
        });
        await anaHub.StartAsync(_ct);
        await budiHub.StartAsync(_ct);
        await anaHub.InvokeAsync<PartnershipView>("JoinPartnership", partnership.Id, _ct);
        await budiHub.InvokeAsync<PartnershipView>("JoinPartnership", partnership.Id, _ct);
        await EventuallyAsync(
            () => { lock (heard) { return heard.Any(h => h.Length == 2); } },
            TimeSpan.FromSeconds(30),
            "Budi joined",
            _ct);

        await budiHub.DisposeAsync();

        await EventuallyAsync(
            () => { lock (heard) { return heard[^1].SequenceEqual([ana.Id]); } },
            TimeSpan.FromSeconds(30),
            "Budi left",
            _ct);
        Assert.Equal(new[] { ana.Id, budi.Id }.Order(StringComparer.Ordinal), heard.First(h => h.Length == 2));
    }

    /// <summary>
    /// The work of forty leaves from one partnership of eight people, beside <paramref name="unrelated"/> other
    /// connections.
    /// </summary>
    private static long WorkOfFortyLeaves(int unrelated)
    {
        var live = new LiveConnections();
        var shared = Guid.NewGuid();
        var others = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid()).ToArray();
        var ours = Enumerable.Range(0, 40).Select(i => new FakeContext($"ours-{i}")).ToList();
        for (var i = 0; i < ours.Count; i++)
        {
            live.Track(ours[i], $"user-{i % 8}", shared);
        }
        for (var i = 0; i < unrelated; i++)
        {
            live.Track(new FakeContext($"other-{i}"), $"other-{i % 3_000}", others[i % others.Length]);
        }
        live.Online(shared); // a join: who is here now
        var before = live.Work;
        foreach (var context in ours)
        {
            foreach (var left in live.Forget(context.ConnectionId))
            {
                live.Online(left);
            }
        }
        return live.Work - before;
    }
}
