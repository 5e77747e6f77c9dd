using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// The documents list's live feed on a connection the browser keeps across pages: watching, unwatching, and what the
/// connection counts as (online in the partnership) once nothing of the partnership is used on it.
/// </summary>
public sealed class DocumentWatchTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnwatchingStopsTheListsPushesAndNoLongerCountsTheConnectionOnline()
    {
        var owner = await factory.SignUpAsync("Lestari", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct, "Draft");
        var live = factory.Services.GetRequiredService<LiveConnections>();
        await using var hub = factory.Hub(owner, DocumentHubNames.Path);
        var titles = new List<string>();
        hub.On<DocumentInfo>("DocumentChanged", d => { lock (titles) { titles.Add(d.Title); } });
        await hub.StartAsync(_ct);

        await hub.InvokeAsync("WatchDocuments", pid, _ct);
        var trackedWhileWatching = live.ConnectionIds(pid).Contains(hub.ConnectionId);
        await hub.InvokeAsync("UnwatchDocuments", pid, _ct);
        var trackedAfter = live.ConnectionIds(pid).Contains(hub.ConnectionId);
        await RenameAsync(owner, pid, docId, "Unseen");
        // Pushes to one connection arrive in the order they were sent, and the rename's push is sent before its answer:
        // once the push of the second rename (watched again) is here, one of the first would be too.
        await hub.InvokeAsync("WatchDocuments", pid, _ct);
        await RenameAsync(owner, pid, docId, "Seen");
        await EventuallyAsync(
            () => { lock (titles) { return titles.Contains("Seen"); } },
            TimeSpan.FromSeconds(30),
            "the rename while watched pushed",
            _ct);

        Assert.True(trackedWhileWatching);
        Assert.False(trackedAfter);
        lock (titles)
        {
            Assert.Equal(["Seen"], titles);
        }
    }

    [Fact]
    public async Task UnwatchingKeepsTheConnectionCountedWhileADocumentOfThePartnershipIsOpen()
    {
        var owner = await factory.SignUpAsync("Mulyadi", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var live = factory.Services.GetRequiredService<LiveConnections>();
        await using var hub = await OpenHubAsync(factory, owner, docId, _ct);

        await hub.InvokeAsync("WatchDocuments", pid, _ct);
        await hub.InvokeAsync("UnwatchDocuments", pid, _ct);
        var trackedWithDocumentOpen = live.ConnectionIds(pid).Contains(hub.ConnectionId);
        await hub.InvokeAsync("CloseDocument", docId, _ct);
        var trackedAfterClose = live.ConnectionIds(pid).Contains(hub.ConnectionId);

        // Still tracked with the document open, so a removal from the partnership would still cut this connection.
        Assert.True(trackedWithDocumentOpen);
        Assert.False(trackedAfterClose);
    }

    [Fact]
    public async Task UnwatchingIsRefusedToANonMemberAndForAnUnknownPartnership()
    {
        var owner = await factory.SignUpAsync("Nanda", ct: _ct);
        var stranger = await factory.SignUpAsync("Oka", ct: _ct);
        var (pid, _) = await CreateDocumentAsync(owner, _ct);
        await using var hub = factory.Hub(stranger, DocumentHubNames.Path);
        await hub.StartAsync(_ct);

        var notMember = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("UnwatchDocuments", pid, _ct));
        var unknown = await Assert.ThrowsAsync<HubException>(
            () => hub.InvokeAsync("UnwatchDocuments", Guid.NewGuid(), _ct));

        // The same refusal as WatchDocuments gives: a non-member learns nothing about the partnership.
        foreach (var error in new[] { notMember, unknown })
        {
            Assert.Equal(
                new HubError(ErrorCodes.UnknownPartnership, "Unknown partnership.", Final: false),
                HubError.From(error));
        }
    }

    private async Task RenameAsync(TestUser owner, Guid pid, Guid docId, string title)
    {
        var response = await owner.Http.PatchAsJsonAsync(
            $"/api/partnerships/{pid}/documents/{docId}", new { title }, _ct);
        response.EnsureSuccessStatusCode();
    }
}
