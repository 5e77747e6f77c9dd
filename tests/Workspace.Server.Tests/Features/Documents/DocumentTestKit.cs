using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Client;
using Workspace.Collaboration.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>Sets up a partnership with a document and opens co-editing sessions on it.</summary>
internal static class DocumentTestKit
{
    public sealed record Created(Guid Id);

    public static async Task<(Guid PartnershipId, Guid DocumentId)> CreateDocumentAsync(
        TestUser owner,
        CancellationToken ct,
        string title = "Joint plan")
    {
        var partnership = await owner.CreatePartnershipAsync("Rice supply", ct);
        var d = await owner.Http.PostAsJsonAsync($"/api/partnerships/{partnership.Id}/documents", new { title }, ct);
        d.EnsureSuccessStatusCode();
        var document = (await d.Content.ReadFromJsonAsync<Created>(ct))!;
        return (partnership.Id, document.Id);
    }

    /// <summary>A new partnership named <paramref name="partnership"/> with a document, made over plain HTTP by a
    /// signed-in client (of a server in its own process).</summary>
    public static async Task<(Guid PartnershipId, Guid DocumentId)> CreateDocumentAsync(
        HttpClient http, string partnership, string title, CancellationToken ct)
    {
        var created = await (await http.PostAsJsonAsync(
            "/api/partnerships",
            new { name = partnership, organisation = "Org" },
            ct))
            .Content.ReadFromJsonAsync<Created>(ct);
        var document = await (await http.PostAsJsonAsync(
            $"/api/partnerships/{created!.Id}/documents",
            new { title },
            ct))
            .Content.ReadFromJsonAsync<Created>(ct);
        return (created.Id, document!.Id);
    }

    /// <summary>An owner's partnership with a document and one more member in <paramref name="role"/>.</summary>
    public static async Task<(TestUser Owner, Guid PartnershipId, Guid DocumentId, TestUser Member)>
        DocumentWithMemberAsync(
            WorkspaceFactory factory,
            string ownerName,
            PartnershipRole role,
            string memberName,
            CancellationToken ct)
    {
        var owner = await factory.SignUpAsync(ownerName, ct: ct);
        var (pid, docId) = await CreateDocumentAsync(owner, ct);
        var member = await factory.JoinAsync(owner, pid, role, memberName, ct: ct);
        return (owner, pid, docId, member);
    }

    public static async Task<(HubConnection Connection, CoEditingSession Session)> OpenAsync(
        WorkspaceFactory factory,
        TestUser user,
        Guid documentId,
        CancellationToken ct)
    {
        var connection = factory.Hub(user, DocumentHubNames.Path);
        await connection.StartAsync(ct);
        var session = new CoEditingSession(connection, documentId);
        await session.OpenAsync(ct);
        return (connection, session);
    }

    /// <summary>
    /// A bare document hub connection of <paramref name="user"/> with the document open (no session).
    /// </summary>
    public static async Task<HubConnection> OpenHubAsync(
        WorkspaceFactory factory, TestUser user, Guid documentId, CancellationToken ct)
    {
        var hub = factory.Hub(user, DocumentHubNames.Path);
        try
        {
            await hub.StartAsync(ct);
            await hub.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, documentId, null, ct);
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until every edit of <paramref name="session"/> is acknowledged, failing after ten seconds.
    /// </summary>
    public static Task SyncedAsync(CoEditingSession session, CancellationToken ct) =>
        session.WaitSyncedAsync(ct).WaitAsync(TimeSpan.FromSeconds(10), ct);

    public static async Task<string> ServerTextAsync(
        TestUser user,
        Guid partnershipId,
        Guid documentId,
        CancellationToken ct)
    {
        var content = await user.Http.GetFromJsonAsync<DocumentContentDto>(
            $"/api/partnerships/{partnershipId}/documents/{documentId}",
            ct);
        return content!.Text;
    }

    public sealed record DocumentContentDto(Guid Id, Guid PartnershipId, string Title, long Revision, string Text);

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="timeout"/>.</summary>
    public static Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken ct) =>
        Eventually.TrueAsync(condition, ct, (int)timeout.TotalMilliseconds, what);
}
