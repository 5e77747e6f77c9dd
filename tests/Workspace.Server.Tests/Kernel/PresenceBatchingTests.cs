using Microsoft.AspNetCore.SignalR;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// "Who is online" when many people of one partnership leave at once: a few pushes of the whole list, not one per
/// leave (each of which read, sorted and sent the whole remaining list: work growing with the square of the size).
/// </summary>
public sealed class PresenceBatchingTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoThousandLeavingOnePartnershipAtOnceArePushedInAFewListsEndingWithTheCurrentOne()
    {
        var live = new LiveConnections();
        var hub = new RecordingHub();
        var feed = new PartnershipFeed(null!, hub, live, TimeProvider.System);
        var partnership = Guid.NewGuid();
        var contexts = Enumerable.Range(0, 2_000).Select(i => new FakeContext($"c{i}")).ToArray();
        for (var i = 0; i < contexts.Length; i++)
        {
            live.Track(contexts[i], $"user-{i}", partnership);
        }
        var before = live.Work;

        foreach (var context in contexts.Skip(1))
        {
            foreach (var left in live.Forget(context.ConnectionId))
            {
                await feed.PublishOnlineAsync(left); // what both hubs do on disconnect
            }
        }
        // The last list comes in a follow-up push of its own: awaited, not assumed to be out within a quiet spell.
        await Eventually.TrueAsync(() => hub.LastOnline.SequenceEqual(["user-0"]), _ct, timeoutMs: 30_000);
        await WaitUntilQuietAsync(hub);

        Assert.Equal(["user-0"], hub.LastOnline); // the last push holds who is still here
        Assert.InRange(hub.Pushes, 1, 20); // one per leave would be 1,999
        // Each push reads the partnership's list once; one per leave would read ~2 million entries.
        Assert.InRange(live.Work - before, 1, 20 * 2_000);
    }

    [Fact]
    public async Task AJoinAfterAQuietSpellIsPushedAtOnceAndAChangeDuringThePushIsPushedAfterIt()
    {
        var live = new LiveConnections();
        var hub = new RecordingHub();
        var feed = new PartnershipFeed(null!, hub, live, TimeProvider.System);
        var partnership = Guid.NewGuid();

        live.Track(new FakeContext("a"), "ana", partnership);
        await feed.PublishOnlineAsync(partnership);
        Assert.Equal(1, hub.Pushes); // not held back by the window
        Assert.Equal(["ana"], hub.LastOnline);

        live.Track(new FakeContext("b"), "budi", partnership);
        await feed.PublishOnlineAsync(partnership); // within the window of the first push: gathered
        await Eventually.TrueAsync(() => hub.LastOnline.Length == 2, _ct, timeoutMs: 30_000);
        await WaitUntilQuietAsync(hub);

        Assert.Equal(2, hub.Pushes);
        Assert.Equal(["ana", "budi"], hub.LastOnline.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ConnectionsLeavingWithoutChangingWhoIsOnlinePushNothing()
    {
        var live = new LiveConnections();
        var hub = new RecordingHub();
        var feed = new PartnershipFeed(null!, hub, live, TimeProvider.System);
        var partnership = Guid.NewGuid();
        var tabs = Enumerable.Range(0, 500).Select(i => new FakeContext($"tab{i}")).ToArray();
        foreach (var tab in tabs)
        {
            live.Track(tab, "ana", partnership);
        }
        await feed.PublishOnlineAsync(partnership);
        await WaitUntilQuietAsync(hub);
        var pushed = hub.Pushes;

        foreach (var tab in tabs.Skip(1))
        {
            foreach (var left in live.Forget(tab.ConnectionId))
            {
                await feed.PublishOnlineAsync(left);
            }
        }
        await WaitUntilQuietAsync(hub);

        // One push, to the 500 tabs: handed to SignalR a step of PushStep connections at a time.
        Assert.Equal((500 + PartnershipFeed.PushStep - 1) / PartnershipFeed.PushStep, pushed);
        Assert.Equal(pushed, hub.Pushes); // Ana is still online: nobody needs to hear it again
        Assert.Equal(["ana"], hub.LastOnline);
    }

    private async Task WaitUntilQuietAsync(RecordingHub hub)
    {
        var seen = -1;
        while (seen != hub.Pushes)
        {
            seen = hub.Pushes;
            await Task.Delay(PartnershipFeed.PresenceWindow * 4, _ct);
        }
    }

    private sealed class RecordingHub : IHubContext<PartnershipHub, IPartnershipClient>, IPartnershipClient
    {
        private int _pushes;

        public int Pushes => Volatile.Read(ref _pushes);

        public string[] LastOnline { get; private set; } = [];

        public IHubClients<IPartnershipClient> Clients => new Everyone(this);

        public IGroupManager Groups => throw new NotSupportedException();

        public Task PartnershipChanged(PartnershipEvent change)
        {
            LastOnline = [.. ((OnlineMembers)change.Payload).UserIds];
            Interlocked.Increment(ref _pushes);
            return Task.CompletedTask;
        }
    }

    /// <summary>Whoever a push is addressed to, it is recorded once.</summary>
    private sealed class Everyone(IPartnershipClient recorder) : IHubClients<IPartnershipClient>
    {
        public IPartnershipClient All => recorder;

        public IPartnershipClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => recorder;

        public IPartnershipClient Client(string connectionId) => recorder;

        public IPartnershipClient Clients(IReadOnlyList<string> connectionIds) => recorder;

        public IPartnershipClient Group(string groupName) => recorder;

        public IPartnershipClient Groups(IReadOnlyList<string> groupNames) => recorder;

        public IPartnershipClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) =>
            recorder;

        public IPartnershipClient User(string userId) => recorder;

        public IPartnershipClient Users(IReadOnlyList<string> userIds) => recorder;
    }
}
