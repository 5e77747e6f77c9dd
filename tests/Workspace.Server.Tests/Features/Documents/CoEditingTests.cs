using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

public sealed class CoEditingTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiveClientsTypingConcurrentlyConvergeToTheServerText()
    {
        var owner = await factory.SignUpAsync("Ana", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var clients = new List<(HubConnection Connection, CoEditingSession Session)>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await OpenAsync(factory, owner, docId, _ct));
        }

        var until = DateTime.UtcNow.AddSeconds(3);
        await Task.WhenAll(clients.Select((c, i) => Task.Run(async () =>
        {
            var random = new Random(i * 7919);
            while (DateTime.UtcNow < until)
            {
                var length = c.Session.Length;
                var roll = random.Next(10);
                if (roll < 2 && length > 0)
                {
                    var at = random.Next(length);
                    c.Session.Delete(at, Math.Min(length - at, 1 + random.Next(3)));
                }
                else
                {
                    c.Session.Insert(
                        random.Next(length + 1),
                        roll == 9 ? "😀é" : ((char)('a' + random.Next(26))).ToString());
                }
                await Task.Delay(random.Next(1, 8), _ct);
            }
        }, _ct)));

        foreach (var (_, session) in clients)
        {
            await session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(20), _ct);
        }
        var server = await ServerTextAsync(owner, pid, docId, _ct);
        await EventuallyAsync(
            () => clients.All(c => c.Session.Text == server),
            TimeSpan.FromSeconds(10),
            "every client shows the server text",
            _ct);
        Assert.True(server.Length > 50, "the clients typed something");
        Assert.All(clients, c => Assert.Equal(server, c.Session.Text));
    }

    [Fact]
    public async Task ResubmittedOperationIsAnsweredWithItsOriginalRevisionAndAppliedOnce()
    {
        var owner = await factory.SignUpAsync("Budi", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        await using var first = await OpenHubAsync(factory, owner, docId, _ct);

        var request = SubmitRequest.Of(docId, "client-1", 1, 0, TextOperation.Insert(0, "Hello"));
        var original = await first.InvokeAsync<SubmitResult>("Submit", request, _ct);
        await first.StopAsync(_ct);

        // The client never heard the acknowledgement: it reconnects and resends the same op.
        await using var second = factory.Hub(owner, DocumentHubNames.Path);
        await second.StartAsync(_ct);
        await second.InvokeAsync<DocumentState>("OpenDocument", docId, 0L, _ct);
        var again = await second.InvokeAsync<SubmitResult>("Submit", request, _ct);

        Assert.False(original.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Equal(original.Revision, again.Revision);
        Assert.Equal("Hello", await ServerTextAsync(owner, pid, docId, _ct));
    }

    [Fact]
    public async Task ClientDisconnectedMidStreamResendsItsPendingEditsWithoutDuplicateOrLoss()
    {
        var owner = await factory.SignUpAsync("Citra", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (otherConnection, other) = await OpenAsync(factory, owner, docId, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);

        for (var i = 0; i < 20; i++)
        {
            session.Insert(session.Length, $"<a{i}>");
            other.Insert(0, $"<b{i}>");
            if (i == 10)
            {
                // Cut off while an op is in flight and more are buffered.
                await connection.StopAsync(_ct);
            }
        }
        Assert.False(session.IsSynced);
        await connection.StartAsync(_ct);
        await session.ResumeAsync();
        await SyncedAsync(session, _ct);
        await SyncedAsync(other, _ct);

        var server = await ServerTextAsync(owner, pid, docId, _ct);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(1, Count(server, $"<a{i}>"));
            Assert.Equal(1, Count(server, $"<b{i}>"));
        }
        await EventuallyAsync(
            () => session.Text == server && other.Text == server,
            TimeSpan.FromSeconds(10),
            "both clients converge",
            _ct);
        await otherConnection.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task StaleOperationIsTransformedAgainstConcurrentEdits()
    {
        var owner = await factory.SignUpAsync("Dewi", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        await using var hub = await OpenHubAsync(factory, owner, docId, _ct);

        await hub.InvokeAsync<SubmitResult>(
            "Submit",
            SubmitRequest.Of(docId, "a", 1, 0, TextOperation.Insert(0, "world")),
            _ct);
        await hub.InvokeAsync<SubmitResult>(
            "Submit",
            SubmitRequest.Of(docId, "a", 2, 1, TextOperation.Insert(0, "🌏 ")),
            _ct);
        // Written against revision 1 ("world"): insert "hello " before "world" and "!" after it.
        var stale = TextOperation.Create(OpComponent.Insert("hello "), OpComponent.Retain(5), OpComponent.Insert("!"));
        var result = await hub.InvokeAsync<SubmitResult>("Submit", SubmitRequest.Of(docId, "b", 1, 1, stale), _ct);

        Assert.Equal(3, result.Revision);
        Assert.Equal("hello 🌏 world!", await ServerTextAsync(owner, pid, docId, _ct));
    }

    [Theory]
    [InlineData("[{\"x\":1}]", "Invalid operation")]
    [InlineData("\"hello\"", "an operation is a JSON array")]
    [InlineData("[10,\"x\"]", "reaches code point 10")]
    [InlineData("[{\"d\":4}]", "reaches code point 4")]
    [InlineData("[{\"d\":\"ZZZ\"}]", "names text that is not there")]
    [InlineData("[1,{\"d\":\"bb\"}]", "names text that is not there")]
    public async Task InvalidOperationIsRejectedWithAMessageAndChangesNothing(string opJson, string message)
    {
        var owner = await factory.SignUpAsync("Eka", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        await using var hub = await OpenHubAsync(factory, owner, docId, _ct);
        await hub.InvokeAsync<SubmitResult>(
            "Submit",
            SubmitRequest.Of(docId, "a", 1, 0, TextOperation.Insert(0, "abc")),
            _ct);

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<SubmitResult>(
            "Submit",
            new {
                documentId = docId,
                clientId = "a",
                clientSeq = 2,
                baseRevision = 1,
                op = JsonDocument.Parse(opJson).RootElement
            },
            _ct));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        var state = await hub.InvokeAsync<DocumentState>("CatchUp", docId, -1L, _ct);
        Assert.Equal(("abc", 1L), (state.Text, state.Revision));
    }

    [Fact]
    public async Task StaleDeleteThatNamesItsTextMustNameTheTextItDeletesAfterTransformation()
    {
        var owner = await factory.SignUpAsync("Eko", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        await using var hub = await OpenHubAsync(factory, owner, docId, _ct);
        await hub.InvokeAsync<SubmitResult>(
            "Submit",
            SubmitRequest.Of(docId, "a", 1, 0, TextOperation.Insert(0, "abc")),
            _ct);
        await hub.InvokeAsync<SubmitResult>(
            "Submit",
            SubmitRequest.Of(docId, "a", 2, 1, TextOperation.Insert(1, "X")),
            _ct);

        // Both written against revision 1 ("abc"); after "X" went in they delete at code point 2 of "aXbc".
        var wrong = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<SubmitResult>("Submit",
            SubmitRequest.Of(docId, "b", 1, 1, TextOperation.Create(OpComponent.Retain(1), OpComponent.Delete("Xb"))),
            _ct));
        var textAfterWrong = await ServerTextAsync(owner, pid, docId, _ct);
        var right = await hub.InvokeAsync<SubmitResult>("Submit",
            SubmitRequest.Of(docId, "b", 2, 1, TextOperation.Create(OpComponent.Retain(1), OpComponent.Delete("bc"))),
            _ct);

        Assert.Equal(ErrorCodes.InvalidOperation, HubError.From(wrong)?.Code);
        Assert.Equal("aXbc", textAfterWrong);
        Assert.Equal(3, right.Revision);
        Assert.Equal("aX", await ServerTextAsync(owner, pid, docId, _ct));
    }

    [Fact]
    public async Task OperationBasedOnARevisionTheServerNeverHadAsksForResync()
    {
        var owner = await factory.SignUpAsync("Fajar", ct: _ct);
        var (_, docId) = await CreateDocumentAsync(owner, _ct);
        await using var hub = await OpenHubAsync(factory, owner, docId, _ct);

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<SubmitResult>(
            "Submit",
            SubmitRequest.Of(docId, "a", 1, 7, TextOperation.Insert(0, "x")),
            _ct));

        Assert.Contains(
            "Resync required: base revision 7 is ahead of the server's 0",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonMemberLearnsNothingAboutTheDocument()
    {
        var owner = await factory.SignUpAsync("Gita", ct: _ct);
        var stranger = await factory.SignUpAsync("Hadi", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        await using var hub = factory.Hub(stranger, DocumentHubNames.Path);
        await hub.StartAsync(_ct);

        var open = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<DocumentState>(
            "OpenDocument",
            docId,
            null,
            _ct));
        var missing = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<DocumentState>(
            "OpenDocument",
            Guid.NewGuid(),
            null,
            _ct));
        var submit = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<SubmitResult>(
            "Submit",
            SubmitRequest.Of(docId, "x", 1, 0, TextOperation.Insert(0, "spam")),
            _ct));
        var list = await stranger.Http.GetAsync($"/api/partnerships/{pid}/documents", _ct);

        // The same final refusal for a document one may not see and one that does not exist.
        foreach (var error in new[] { open, missing, submit })
        {
            Assert.Equal(
                new HubError(ErrorCodes.UnknownDocument, "Unknown document.", Final: true),
                HubError.From(error));
        }
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal("", await ServerTextAsync(owner, pid, docId, _ct));
    }

    [Fact]
    public async Task DocumentsAreCreatedListedRenamedAndSoftDeletedWithLiveNotice()
    {
        var owner = await factory.SignUpAsync("Indah", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct, "Draft");
        await using var hub = factory.Hub(owner, DocumentHubNames.Path);
        var changes = new List<DocumentInfo>();
        hub.On<DocumentInfo>("DocumentChanged", d => { lock (changes) { changes.Add(d); } });
        await hub.StartAsync(_ct);
        await hub.InvokeAsync("WatchDocuments", pid, _ct);

        var rename = await owner.Http.PatchAsJsonAsync(
            $"/api/partnerships/{pid}/documents/{docId}",
            new { title = "Joint plan 2027" },
            _ct);
        var emptyTitle = await owner.Http.PostAsJsonAsync(
            $"/api/partnerships/{pid}/documents",
            new { title = "" },
            _ct);
        var listed = await owner.Http.GetFromJsonAsync<List<DocumentInfo>>($"/api/partnerships/{pid}/documents", _ct);
        var delete = await owner.Http.DeleteAsync($"/api/partnerships/{pid}/documents/{docId}", _ct);
        var afterDelete = await owner.Http.GetFromJsonAsync<List<DocumentInfo>>(
            $"/api/partnerships/{pid}/documents",
            _ct);
        var get = await owner.Http.GetAsync($"/api/partnerships/{pid}/documents/{docId}", _ct);

        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, emptyTitle.StatusCode);
        Assert.Equal("Joint plan 2027", Assert.Single(listed!).Title);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty(afterDelete!);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        await EventuallyAsync(
            () => { lock (changes) { return changes.Count >= 2; } },
            TimeSpan.FromSeconds(30),
            "rename and delete pushed",
            _ct);
        Assert.Equal(["Joint plan 2027", "Joint plan 2027"], changes.Select(c => c.Title));
        Assert.True(changes[^1].Deleted);
    }

    [Fact]
    public async Task PreviewRendersMarkdownWithoutRawHtml()
    {
        var owner = await factory.SignUpAsync("Joko", ct: _ct);
        var (pid, _) = await CreateDocumentAsync(owner, _ct);

        var response = await owner.Http.PostAsJsonAsync($"/api/partnerships/{pid}/markdown/preview",
            new { markdown = "# Plan\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) **bold**" }, _ct);
        var html = (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(_ct))!["html"];

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PresenceIsSharedTransformedAndRemovedWhenTheConnectionCloses()
    {
        var owner = await factory.SignUpAsync("Kartika", ct: _ct);
        var (_, docId) = await CreateDocumentAsync(owner, _ct);
        var (watcherConnection, watcher) = await OpenAsync(factory, owner, docId, _ct);
        var seen = new List<PresenceView>();
        var removed = new List<string>();
        watcherConnection.On<PresenceView>("PresenceChanged", p => { lock (seen) { seen.Add(p); } });
        watcherConnection.On<Guid, string>("PresenceRemoved", (_, id) => { lock (removed) { removed.Add(id); } });
        var (editorConnection, editor) = await OpenAsync(factory, owner, docId, _ct);
        editor.Insert(0, "abc");
        await editor.WaitSyncedAsync(_ct);

        await editorConnection.InvokeAsync("UpdatePresence", docId, editor.Revision, 1, 3, _ct);
        await EventuallyAsync(
            () => { lock (seen) { return seen.Count == 1; } },
            TimeSpan.FromSeconds(30),
            "presence arrives",
            _ct);
        watcher.Insert(0, "XY");
        await watcher.WaitSyncedAsync(_ct);
        var state = await watcherConnection.InvokeAsync<DocumentState>("CatchUp", docId, -1L, _ct);
        await editorConnection.StopAsync(_ct);
        await EventuallyAsync(
            () => { lock (removed) { return removed.Count == 1; } },
            TimeSpan.FromSeconds(30),
            "presence removed",
            _ct);

        Assert.Equal((1, 3), (seen[0].Anchor, seen[0].Head));
        var moved = Assert.Single(state.Presence);
        Assert.Equal((3, 5), (moved.Anchor, moved.Head));
        Assert.Equal("Kartika", moved.Name);
        await watcherConnection.DisposeAsync();
    }

    private static int Count(string text, string token)
    {
        var count = 0;
        for (var i = text.IndexOf(token, StringComparison.Ordinal); i >= 0; i = text.IndexOf(
            token,
            i + 1,
            StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
