using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// After a removal or a role drop, no hub call is accepted with the old rights, whatever the connection did before.
/// </summary>
public sealed class RevokedAccessTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task RemovedMembersVeryNextCallFailsOnEveryHubConnection()
    {
        var (ana, pid, docId, budi) = await DocumentWithMemberAsync(
            factory,
            "Ana owner",
            PartnershipRole.Editor,
            "Budi removed",
            _ct);
        // One document connection only ever caught up (the review's case), one opened the document and typed.
        await using var catchUpOnly = factory.Hub(budi, DocumentHubNames.Path);
        await using var editing = factory.Hub(budi, DocumentHubNames.Path);
        await using var partnership = factory.Hub(budi, "/hubs/partnership");
        await using var idle = factory.Hub(budi, "/hubs/partnership");
        foreach (var hub in new[] { catchUpOnly, editing, partnership, idle })
        {
            await hub.StartAsync(_ct);
        }
        await catchUpOnly.InvokeAsync<DocumentState>(DocumentHubNames.CatchUp, docId, 0L, _ct);
        await editing.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, docId, null, _ct);
        await editing.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "budi", 1, 0, TextOperation.Insert(0, "Budi was here. ")),
            _ct);
        await partnership.InvokeAsync<PartnershipView>("JoinPartnership", pid, _ct);

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await ana.Http.DeleteAsync($"/api/partnerships/{pid}/members/{budi.Id}", _ct)).StatusCode);

        await Assert.ThrowsAnyAsync<Exception>(() => catchUpOnly.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "budi-2", 1, 1, TextOperation.Insert(0, "after removal ")), _ct));
        await Assert.ThrowsAnyAsync<Exception>(() => catchUpOnly.InvokeAsync<DocumentState>(
            DocumentHubNames.CatchUp,
            docId,
            0L,
            _ct));
        await Assert.ThrowsAnyAsync<Exception>(() => editing.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "budi", 2, 1, TextOperation.Insert(0, "after removal ")), _ct));
        await Assert.ThrowsAnyAsync<Exception>(() => partnership.InvokeAsync<PartnershipView>(
            "JoinPartnership",
            pid,
            _ct));
        await Assert.ThrowsAsync<HubException>(() => idle.InvokeAsync<PartnershipView>("JoinPartnership", pid, _ct));
        await Assert.ThrowsAsync<HubException>(() => idle.InvokeAsync("LeavePartnership", pid, _ct));

        Assert.Equal("Budi was here. ", await ServerTextAsync(ana, pid, docId, _ct));
    }

    [Fact]
    public async Task EditorDroppedToViewerCannotSubmitOnTheNextCallButStillReads()
    {
        var (ana, pid, docId, budi) = await DocumentWithMemberAsync(
            factory,
            "Citra owner",
            PartnershipRole.Editor,
            "Dodi demoted",
            _ct);
        await using var hub = await OpenHubAsync(factory, budi, docId, _ct);
        await hub.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "dodi", 1, 0, TextOperation.Insert(0, "editor. ")),
            _ct);

        var demote = await ana.Http.PutAsJsonAsync(
            $"/api/partnerships/{pid}/members/{budi.Id}",
            new { role = "Viewer", isPartyAdmin = false },
            PartnershipKit.Json,
            _ct);
        demote.EnsureSuccessStatusCode();
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "dodi", 2, 1, TextOperation.Insert(0, "viewer? ")),
            _ct));
        var read = await hub.InvokeAsync<DocumentState>(DocumentHubNames.CatchUp, docId, -1L, _ct);

        Assert.Equal(ErrorCodes.RoleTooLow, HubError.From(refused)?.Code);
        Assert.Equal(("editor. ", 1L), (read.Text, read.Revision));
    }
}
