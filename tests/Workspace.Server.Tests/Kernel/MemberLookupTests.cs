using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// Every hub call asks the partnership grain who the caller is; that answer must not wait for a slow write of the same
/// grain (here its broadcast of a rename is held back), or every co-editor's keystroke would stall behind it.
/// </summary>
public sealed class MemberLookupTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task MemberLookupIsAnsweredWhileAWriteOfThePartnershipIsStillBroadcasting()
    {
        var gate = new BroadcastGate();
        await using var factory = new WorkspaceFactory().WithServices(s =>
            s.AddSingleton<IHubContext<PartnershipHub, IPartnershipClient>>(sp =>
                new GatedPartnershipHub(sp.GetRequiredService<IHubContext<PartnershipHub>>(), gate)));
        var ana = await factory.SignUpAsync("Ana lookup", ct: _ct);
        var partnership = await ana.CreatePartnershipAsync(ct: _ct);
        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IPartnershipGrain>(partnership.Id);

        gate.Close();
        var rename = grain.RenameAsync(new Actor(ana.Id, ana.Name, ana.Email), "Renamed while broadcasting");
        try
        {
            await gate.Entered.WaitAsync(TimeSpan.FromSeconds(20), _ct);
            var member = await grain.GetMemberAsync(ana.Id).WaitAsync(TimeSpan.FromSeconds(20), _ct);
            Assert.Equal(PartnershipRole.Owner, member!.Role);
            Assert.False(await grain.IsArchivedAsync().WaitAsync(TimeSpan.FromSeconds(20), _ct));
            Assert.False(rename.IsCompleted);
        }
        finally
        {
            // Let the rename finish whatever happened, so the server can stop and report the real failure.
            gate.Open();
        }
        Assert.Equal("Renamed while broadcasting", (await rename.WaitAsync(TimeSpan.FromSeconds(20), _ct)).Value?.Name);
    }

    private sealed class BroadcastGate
    {
        private TaskCompletionSource _open = Completed();

        public TaskCompletionSource EnteredSource { get; private set; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => EnteredSource.Task;

        public void Close()
        {
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            EnteredSource = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Open() => _open.TrySetResult();

        public Task PassAsync()
        {
            EnteredSource.TrySetResult();
            return _open.Task;
        }

        private static TaskCompletionSource Completed()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }
    }

    /// <summary>The partnership hub's context, with every group broadcast waiting at the gate first.</summary>
    private sealed class GatedPartnershipHub(IHubContext<PartnershipHub> inner, BroadcastGate gate)
        : IHubContext<PartnershipHub, IPartnershipClient>
    {
        public IHubClients<IPartnershipClient> Clients { get; } = new GatedClients(inner, gate);

        public IGroupManager Groups => inner.Groups;
    }

    private sealed class GatedClients(IHubContext<PartnershipHub> inner, BroadcastGate gate)
        : IHubClients<IPartnershipClient>
    {
        public IPartnershipClient Group(string groupName) => new Gated(inner.Clients.Group(groupName), gate);

        public IPartnershipClient All => throw new NotSupportedException();

        public IPartnershipClient AllExcept(IReadOnlyList<string> excludedConnectionIds) =>
            throw new NotSupportedException();

        public IPartnershipClient Client(string connectionId) => throw new NotSupportedException();

        public IPartnershipClient Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

        public IPartnershipClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) =>
            throw new NotSupportedException();

        public IPartnershipClient Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

        public IPartnershipClient User(string userId) => throw new NotSupportedException();

        public IPartnershipClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();

        private sealed class Gated(IClientProxy proxy, BroadcastGate gate) : IPartnershipClient
        {
            public async Task PartnershipChanged(PartnershipEvent change)
            {
                await gate.PassAsync();
                await proxy.SendAsync(nameof(PartnershipChanged), change);
            }
        }
    }
}
