using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Client;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Kernel.ChecklistLinks;

/// <summary>Task lines in a co-edited document and the action items they make: a server that scans a document
/// shortly after its last change, one signed-in owner with an open document, and waits on items and links.</summary>
internal static class ChecklistTestKit
{
    public sealed record Editing(
        TestUser Owner, Guid PartnershipId, Guid DocumentId, HubConnection Connection, CoEditingSession Session);

    /// <summary>A server whose documents scan their task lines 150 ms after the last change.</summary>
    public static WorkspaceFactory ChecklistFactory() =>
        new WorkspaceFactory().With("Documents:ChecklistDelay", "00:00:00.150");

    /// <summary>Signs up <paramref name="name"/>, creates a partnership with a document and opens it.</summary>
    public static async Task<Editing> OpenNewDocumentAsync(WorkspaceFactory factory, string name, CancellationToken ct)
    {
        var owner = await factory.SignUpAsync(name, ct: ct);
        var (pid, docId) = await CreateDocumentAsync(owner, ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, ct);
        return new Editing(owner, pid, docId, connection, session);
    }

    public sealed record TwoEditors(
        TestUser Owner, Guid PartnershipId, Guid DocumentId, HubConnection ConnectionA, CoEditingSession A,
        HubConnection ConnectionB, CoEditingSession B, JsonElement Item);

    /// <summary>Signs up <paramref name="name"/>, opens a new document twice, types <paramref name="text"/> in the
    /// first editor and waits for its task line's item <paramref name="title"/> and for the link
    /// <paramref name="linked"/> to reach the second editor.</summary>
    public static async Task<TwoEditors> TwoEditorsOfALinkedLineAsync(
        WorkspaceFactory factory, string name, string text, string title, string linked, CancellationToken ct)
    {
        var owner = await factory.SignUpAsync(name, ct: ct);
        var (pid, docId) = await CreateDocumentAsync(owner, ct);
        var (connectionA, a) = await OpenAsync(factory, owner, docId, ct);
        var (connectionB, b) = await OpenAsync(factory, owner, docId, ct);
        a.Insert(0, text);
        var item = await EventuallyItemAsync(owner, pid, i => i.GetProperty("title").GetString() == title, "item", ct);
        await EventuallyAsync(
            () => b.Text.Contains(linked, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "link reaches B",
            ct);
        return new TwoEditors(owner, pid, docId, connectionA, a, connectionB, b, item);
    }

    public static async Task<List<JsonElement>> ItemsAsync(TestUser user, Guid pid, CancellationToken ct)
    {
        var (_, items) = await user.Http.GetJsonAsync($"/api/partnerships/{pid}/action-items", ct);
        return items.EnumerateArray().ToList();
    }

    /// <summary>Waits up to ten seconds for an action item that <paramref name="match"/>es and returns it.</summary>
    public static async Task<JsonElement> EventuallyItemAsync(
        TestUser user, Guid pid, Func<JsonElement, bool> match, string what, CancellationToken ct) =>
        (await Eventually.ValueAsync(
            async () => (await ItemsAsync(user, pid, ct)).Where(match).ToList(), found => found.Count > 0, ct, 10_000,
            what))[0];

    /// <summary>Waits up to ten seconds until the server has written <paramref name="link"/> into the text.</summary>
    public static Task LinkedAsync(
        CoEditingSession session, CancellationToken ct, string link = "#A1", string what = "the line linked") =>
        EventuallyAsync(
            () => session.Text.Contains(link, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            what,
            ct);

    /// <summary>Replaces the first <paramref name="what"/> in the text by <paramref name="with"/>, as a user
    /// would: a delete and an insert.</summary>
    public static void Replace(CoEditingSession session, string what, string with)
    {
        var at = session.Text.IndexOf(what, StringComparison.Ordinal);
        Assert.True(at >= 0, $"“{what}” is in the text");
        session.Delete(at, what.Length);
        session.Insert(at, with);
    }
}

/// <summary>A server for a whole test class whose documents scan their task lines 150 ms after the last change.
/// </summary>
public sealed class ChecklistServer : WorkspaceFactory
{
    public ChecklistServer() => With("Documents:ChecklistDelay", "00:00:00.150");
}
