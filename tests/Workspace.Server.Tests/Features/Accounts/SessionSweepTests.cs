using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Features.Accounts;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Accounts;

/// <summary>
/// The sweep that cuts idle hub connections of ended sessions checks each session (person and stamp) once, however
/// many connections it has, and cuts exactly the ended session's connections.
/// </summary>
public sealed class SessionSweepTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const int TabsEach = 30;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyConnectionsOfTwoSessionsAreTwoSessionsAndASweepCutsOnlyTheEndedOnesConnections()
    {
        var filter = factory.Services.GetRequiredService<SessionHubFilter>();
        var before = filter.SessionCount;
        var ending = await factory.SignUpAsync("Ending Session", ct: _ct);
        var staying = await factory.SignUpAsync("Staying Session", ct: _ct);
        var endingTabs = await OpenAsync(ending);
        var stayingTabs = await OpenAsync(staying);
        var cut = new TaskCompletionSource();
        var cutCount = 0;
        foreach (var tab in endingTabs)
        {
            tab.Closed += _ =>
            {
                if (Interlocked.Increment(ref cutCount) == TabsEach)
                {
                    cut.TrySetResult();
                }
                return Task.CompletedTask;
            };
        }

        Assert.Equal(before + 2, filter.SessionCount);

        // Another node writes the new stamp to the shared database; this node learns it from the sweep.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(ending.Id))!);
        }
        await filter.SweepAsync(_ct);

        await cut.Task.WaitAsync(TimeSpan.FromSeconds(10), _ct);
        Assert.All(endingTabs, t => Assert.Equal(HubConnectionState.Disconnected, t.State));
        Assert.All(stayingTabs, t => Assert.Equal(HubConnectionState.Connected, t.State));
        Assert.Equal(before + 1, filter.SessionCount);
        Assert.Equal(staying.Email, await stayingTabs[0].InvokeAsync<string>("WhoAmI", _ct));

        foreach (var tab in endingTabs.Concat(stayingTabs))
        {
            await tab.DisposeAsync();
        }
        // 30 s at most: the disconnects are handled by the server in the background.
        await Eventually.TrueAsync(() => filter.SessionCount == before, _ct, 30_000);
    }

    private async Task<List<HubConnection>> OpenAsync(TestUser user)
    {
        var tabs = new List<HubConnection>();
        for (var i = 0; i < TabsEach; i++)
        {
            var tab = factory.Hub(user, "/hubs/live");
            await tab.StartAsync(_ct);
            tabs.Add(tab);
        }
        return tabs;
    }
}
