using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// Thousands of connections leaving at once must not stall anyone else: a leave does not wait for (or run) the push of
/// who is still online, and that push hands its sends to the thread pool a few hundred at a time, not all at once.
/// </summary>
public sealed class LeaveFloodTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADisconnectReturnsAtOnceWhileThePushToThoseStillThereIsUnderWay()
    {
        var live = new LiveConnections();
        var hub = new GatedHub();
        var feed = new PartnershipFeed(null!, hub, live, TimeProvider.System);
        var partnership = Guid.NewGuid();
        var contexts = new[] { "ana", "budi", "citra" }.Select(u => (Context: new FakeContext($"c-{u}"), User: u))
            .ToArray();
        foreach (var (context, user) in contexts)
        {
            live.Track(context, user, partnership);
        }
        var leaving = new PartnershipHub(null!, live, feed, null!) { Context = contexts[0].Context };

        var left = leaving.OnDisconnectedAsync(null); // the push it causes is held at the gate

        Assert.True(left.IsCompletedSuccessfully, "the disconnect waited for the push to the others");
        await EventuallyAsync(() => hub.Calls > 0, TimeSpan.FromSeconds(30), "the push started", _ct);
        hub.Open();
        await EventuallyAsync(() => hub.Idle(PartnershipFeed.PresenceWindow * 4), TimeSpan.FromSeconds(5),
            "pushes settled", _ct);
        Assert.Equal(["budi", "citra"], hub.LastOnline.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task APushToThousandsOfConnectionsHandsThemOverAFewHundredAtATime()
    {
        var live = new LiveConnections();
        var hub = new GatedHub();
        hub.Open();
        var feed = new PartnershipFeed(null!, hub, live, TimeProvider.System);
        var partnership = Guid.NewGuid();
        var ids = Enumerable.Range(0, 2_000).Select(i => $"c{i}").ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            live.Track(new FakeContext(ids[i]), $"user-{i % 700}", partnership);
        }

        await feed.PublishOnlineAsync(partnership);
        await EventuallyAsync(() => hub.Idle(PartnershipFeed.PresenceWindow * 4), TimeSpan.FromSeconds(5),
            "the push finished", _ct);

        Assert.Equal(0, hub.GroupSends); // a group send hands all 2,000 sends to the pool at once
        Assert.All(hub.Batches, b => Assert.InRange(b.Count, 1, PartnershipFeed.PushStep));
        Assert.Equal(ids.Order(StringComparer.Ordinal), hub.Batches.SelectMany(b => b).Order(StringComparer.Ordinal));
        Assert.Equal(700, hub.LastOnline.Length);
    }

    [Fact]
    public async Task WhenCrowdsOfRealConnectionsLeaveTheOneStillThereHearsExactlyWhoIsOnline()
    {
        var ana = await factory.SignUpAsync("Ana stays", ct: _ct);
        var partnership = await ana.CreatePartnershipAsync("Leaving crowd", _ct);
        var budi = await factory.JoinAsync(ana, partnership.Id, PartnershipRole.Viewer, "Budi leaves", ct: _ct);
        var citra = await factory.JoinAsync(ana, partnership.Id, PartnershipRole.Viewer, "Citra leaves", ct: _ct);
        await using var anaHub = factory.Hub(ana, "/hubs/partnership");
        var heard = new ConcurrentQueue<string[]>();
        anaHub.On<PartnershipEvent>(nameof(IPartnershipClient.PartnershipChanged), e =>
        {
            if (e.Kind == "presence")
            {
                heard.Enqueue([.. ((JsonElement)e.Payload).GetProperty("userIds").EnumerateArray()
                    .Select(u => u.GetString()!).Order(StringComparer.Ordinal)]);
            }
        });
        await anaHub.StartAsync(_ct);
        await anaHub.InvokeAsync<PartnershipView>("JoinPartnership", partnership.Id, _ct);
        var crowd = new List<HubConnection>();
        foreach (var user in Enumerable.Repeat(budi, 300).Concat(Enumerable.Repeat(citra, 300)))
        {
            var connection = factory.Hub(user, "/hubs/partnership");
            await connection.StartAsync(_ct);
            await connection.InvokeAsync<PartnershipView>("JoinPartnership", partnership.Id, _ct);
            crowd.Add(connection);
        }
        string[] everyone = [.. new[] { ana.Id, budi.Id, citra.Id }.Order(StringComparer.Ordinal)];
        await EventuallyAsync(() => heard.LastOrDefault()?.SequenceEqual(everyone) == true, TimeSpan.FromSeconds(10),
            "all three online", _ct);

        await Task.WhenAll(crowd.Select(c => c.DisposeAsync().AsTask()));

        await EventuallyAsync(() => heard.LastOrDefault()?.SequenceEqual([ana.Id]) == true, TimeSpan.FromSeconds(10),
            "only Ana left", _ct);
        await Task.Delay(PartnershipFeed.PresenceWindow * 4, _ct);
        Assert.Equal([ana.Id], heard.Last()); // and no later push said otherwise
    }

    /// <summary>
    /// Records every push (to a group, or to a list of connections) and holds them until <see cref="Open"/>.
    /// </summary>
    private sealed class GatedHub : IHubContext<PartnershipHub, IPartnershipClient>, IHubClients<IPartnershipClient>
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<IReadOnlyList<string>> _batches = new();
        private int _calls, _groupSends;
        private long _lastAt = DateTime.UtcNow.Ticks;

        public int Calls => Volatile.Read(ref _calls);

        public int GroupSends => Volatile.Read(ref _groupSends);

        public IReadOnlyList<IReadOnlyList<string>> Batches => [.. _batches];

        public string[] LastOnline { get; private set; } = [];

        public void Open() => _gate.TrySetResult();

        /// <summary>No push for <paramref name="span"/>, and at least one seen.</summary>
        public bool Idle(TimeSpan span) =>
            Calls > 0 && DateTime.UtcNow.Ticks - Interlocked.Read(ref _lastAt) > span.Ticks;

        IHubClients<IPartnershipClient> IHubContext<PartnershipHub, IPartnershipClient>.Clients => this;

        IGroupManager IHubContext<PartnershipHub, IPartnershipClient>.Groups => throw new NotSupportedException();

        public IPartnershipClient All => throw new NotSupportedException();

        public IPartnershipClient Group(string groupName)
        {
            Interlocked.Increment(ref _groupSends);
            return new Recorder(this);
        }

        public IPartnershipClient Clients(IReadOnlyList<string> connectionIds)
        {
            _batches.Enqueue(connectionIds);
            return new Recorder(this);
        }

        public IPartnershipClient Client(string connectionId) => new Recorder(this);

        public IPartnershipClient AllExcept(IReadOnlyList<string> excludedConnectionIds) =>
            throw new NotSupportedException();

        public IPartnershipClient Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

        public IPartnershipClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) =>
            throw new NotSupportedException();

        public IPartnershipClient User(string userId) => throw new NotSupportedException();

        public IPartnershipClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();

        private sealed class Recorder(GatedHub hub) : IPartnershipClient
        {
            public Task PartnershipChanged(PartnershipEvent change)
            {
                hub.LastOnline = [.. ((OnlineMembers)change.Payload).UserIds];
                Interlocked.Increment(ref hub._calls);
                Interlocked.Exchange(ref hub._lastAt, DateTime.UtcNow.Ticks);
                return hub._gate.Task;
            }
        }
    }
}
