using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Agreements;

/// <summary>Edits an agreement's text the way an editor does: one operation over the co-editing hub.</summary>
internal static class AgreementTextKit
{
    public static async Task<Guid> DocumentOfAsync(TestUser user, Guid partnershipId, Guid agreementId,
        CancellationToken ct)
    {
        var agreement = await user.Http.GetFromJsonAsync<JsonElement>(
            $"/api/partnerships/{partnershipId}/agreements/{agreementId}", ct);
        return agreement.GetProperty("documentId").GetGuid();
    }

    /// <summary>Replaces the first <paramref name="find"/> with <paramref name="replacement"/>.</summary>
    public static Task ReplaceAsync(WorkspaceFactory factory, TestUser user, Guid partnershipId, Guid agreementId,
        string find, string replacement, CancellationToken ct) =>
        EditAsync(factory, user, partnershipId, agreementId, text =>
        {
            var at = text.IndexOf(find, StringComparison.Ordinal);
            Assert.True(at >= 0, $"“{find}” is not in the agreement");
            return (at, find.Length, replacement);
        }, ct);

    /// <summary>Deletes from <paramref name="from"/> up to (not including) the next <paramref name="upTo"/>.</summary>
    public static Task DeleteAsync(WorkspaceFactory factory, TestUser user, Guid partnershipId, Guid agreementId,
        string from, string upTo, CancellationToken ct) =>
        EditAsync(factory, user, partnershipId, agreementId, text =>
        {
            var at = text.IndexOf(from, StringComparison.Ordinal);
            var end = text.IndexOf(upTo, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0 && end > at, $"“{from}” … “{upTo}” is not in the agreement");
            return (at, end - at, "");
        }, ct);

    /// <summary>One edit at the current revision; the texts the tests edit have no characters outside the BMP, so
    /// string indexes are code points.</summary>
    private static async Task EditAsync(WorkspaceFactory factory, TestUser user, Guid partnershipId,
        Guid agreementId, Func<string, (int At, int Delete, string Insert)> edit, CancellationToken ct)
    {
        var documentId = await DocumentOfAsync(user, partnershipId, agreementId, ct);
        var content = (await user.Http.GetFromJsonAsync<DocumentContentDto>(
            $"/api/partnerships/{partnershipId}/documents/{documentId}", ct))!;
        var (at, delete, insert) = edit(content.Text);
        var parts = new List<object> { at };
        if (delete > 0)
        {
            parts.Add(new { d = delete });
        }
        if (insert.Length > 0)
        {
            parts.Add(insert);
        }
        var op = TextOperation.Parse(JsonSerializer.Serialize(parts));
        await using var hub = factory.Hub(user, DocumentHubNames.Path);
        await hub.StartAsync(ct);
        await hub.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, documentId, null, ct);
        var result = await hub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
            SubmitRequest.Of(documentId, $"kit-{Guid.NewGuid():N}", 1, content.Revision, op), ct);
        Assert.Equal(content.Revision + 1, result.Revision);
    }
}
