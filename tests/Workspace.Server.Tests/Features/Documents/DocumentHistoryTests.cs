using System.Net;
using Workspace.Client;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// Version history: every earlier text can be read back, and an editor can bring one back for everyone.
/// One server for the class (each test signs up its own people with their own partnership and document); the test
/// that needs other settings starts its own.
/// </summary>
public sealed class DocumentHistoryTests(HistoryServer server) : IClassFixture<HistoryServer>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly WorkspaceFactory _factory = server;

    private static string History(Guid pid, Guid docId) => $"/api/partnerships/{pid}/documents/{docId}/history";

    /// <summary>
    /// Types each piece as its own operation, waits until all are stored, then pauses so the next edit starts a new
    /// version.
    /// </summary>
    private async Task<string> TypeThenPauseAsync(CoEditingSession session, params string[] pieces)
    {
        foreach (var piece in pieces)
        {
            session.Insert(session.Text.Length, piece);
            await session.WaitSyncedAsync(_ct);
        }
        await Task.Delay(1600, _ct);
        return session.Text;
    }

    [Fact]
    public async Task EveryVersionReadsBackAsItWas()
    {
        var owner = await _factory.SignUpAsync("Rina", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(_factory, owner, docId, _ct);

        var first = await TypeThenPauseAsync(session, "# Plan\n", "Deliver 40 t of rice.\n");
        var second = await TypeThenPauseAsync(session, "Train ", "20 ", "farmers.\n", "Share the warehouse.\n");
        session.Delete(0, "# Plan\n".Length);
        await session.WaitSyncedAsync(_ct);
        var third = session.Text;

        var (status, history) = await owner.Http.GetJsonAsync(History(pid, docId), _ct);
        Assert.Equal(HttpStatusCode.OK, status);
        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(3, versions.Count);
        Assert.Equal(7, history.GetProperty("revision").GetInt64());
        Assert.True(history.GetProperty("complete").GetBoolean());
        // Newest first; each version ends where the next older one's edits stop.
        Assert.Equal([7L, 6L, 2L], versions.Select(v => v.GetProperty("revision").GetInt64()));
        Assert.Equal([1, 4, 2], versions.Select(v => v.GetProperty("edits").GetInt32()));
        Assert.All(
            versions,
            v => Assert.Equal(["Rina"], v.GetProperty("authors").EnumerateArray().Select(a => a.GetString())));

        foreach (var (revision, expected) in new[] { (2L, first), (6L, second), (7L, third), (0L, "") })
        {
            var (read, version) = await owner.Http.GetJsonAsync($"{History(pid, docId)}/{revision}", _ct);
            Assert.Equal(HttpStatusCode.OK, read);
            Assert.Equal(expected, version.GetProperty("text").GetString());
        }
        var (_, rendered) = await owner.Http.GetJsonAsync($"{History(pid, docId)}/2", _ct);
        Assert.Contains("<h1", rendered.GetProperty("html").GetString(), StringComparison.Ordinal);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task AnEditorBringsAnEarlierVersionBackForEveryCoEditor()
    {
        var owner = await _factory.SignUpAsync("Budi", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var editor = await _factory.JoinAsync(owner, pid, PartnershipRole.Editor, "Ayu", ct: _ct);
        var (ownerConnection, ownerSession) = await OpenAsync(_factory, owner, docId, _ct);
        var (editorConnection, editorSession) = await OpenAsync(_factory, editor, docId, _ct);

        var good = await TypeThenPauseAsync(ownerSession, "Budget: 100 million\n", "Start: January\n");
        ownerSession.Delete(0, "Budget: 100 million\n".Length);
        ownerSession.Insert(0, "Budget: ???\n");
        await ownerSession.WaitSyncedAsync(_ct);
        var before = ownerSession.Text;

        var (status, restored) = await editor.Http.PostJsonAsync($"{History(pid, docId)}/2/restore", new { }, _ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, restored.GetProperty("revision").GetInt64());
        await EventuallyAsync(
            () => ownerSession.Text == good && editorSession.Text == good,
            TimeSpan.FromSeconds(10),
            "both editors show the restored text",
            _ct);
        Assert.Equal(good, await ServerTextAsync(owner, pid, docId, _ct));
        // Nothing is lost: the restore by Ayu is a version of its own, so the text just before it is one too (and can
        // be restored).
        var (_, history) = await owner.Http.GetJsonAsync(History(pid, docId), _ct);
        var restore = history.GetProperty("versions")[0];
        Assert.True(restore.GetProperty("restored").GetBoolean());
        Assert.Equal(["Ayu"], restore.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        var previous = history.GetProperty("versions")[1];
        Assert.False(previous.GetProperty("restored").GetBoolean());
        Assert.Equal(4, previous.GetProperty("revision").GetInt64());
        var (_, beforeRestore) = await owner.Http.GetJsonAsync($"{History(pid, docId)}/4", _ct);
        Assert.Equal(before, beforeRestore.GetProperty("text").GetString());
        var (_, activity) = await owner.Http.GetJsonAsync($"/api/partnerships/{pid}/activity", _ct);
        Assert.Contains(
            activity.EnumerateArray(),
            e => e.GetProperty("kind").GetString() == "document.restored"
                && e.GetProperty("actorName").GetString() == "Ayu");

        // Co-editing carries on from the restored text.
        editorSession.Insert(good.Length, "End: June\n");
        await editorSession.WaitSyncedAsync(_ct);
        await EventuallyAsync(
            () => ownerSession.Text == good + "End: June\n",
            TimeSpan.FromSeconds(10),
            "the next edit after the restore",
            _ct);
        await ownerConnection.DisposeAsync();
        await editorConnection.DisposeAsync();
    }

    [Theory]
    [InlineData(PartnershipRole.Viewer)]
    [InlineData(PartnershipRole.Commenter)]
    public async Task ViewersAndCommentersReadTheHistoryButCannotRestore(PartnershipRole role)
    {
        var owner = await _factory.SignUpAsync($"Owner {role}", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var member = await _factory.JoinAsync(owner, pid, role, $"{role} member", ct: _ct);
        var (connection, session) = await OpenAsync(_factory, owner, docId, _ct);
        await TypeThenPauseAsync(session, "one\n");
        session.Insert(0, "zero\n");
        await session.WaitSyncedAsync(_ct);

        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetJsonAsync(History(pid, docId), _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetJsonAsync($"{History(pid, docId)}/1", _ct)).Status);
        var (status, _) = await member.Http.PostJsonAsync($"{History(pid, docId)}/1/restore", new { }, _ct);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("zero\none\n", await ServerTextAsync(owner, pid, docId, _ct));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task UnknownRevisionsAndDeletedDocumentsAreNotFoundAndChangeNothing()
    {
        var owner = await _factory.SignUpAsync("Citra", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(_factory, owner, docId, _ct);
        session.Insert(0, "kept\n");
        await session.WaitSyncedAsync(_ct);

        foreach (var revision in new[] { "2", "-1", "999999" })
        {
            var (read, problem) = await owner.Http.GetJsonAsync($"{History(pid, docId)}/{revision}", _ct);
            Assert.Equal(HttpStatusCode.NotFound, read);
            Assert.Contains(
                $"no stored revision {revision}",
                problem.GetProperty("detail").GetString(),
                StringComparison.Ordinal);
            var (restore, _) = await owner.Http.PostJsonAsync(
                $"{History(pid, docId)}/{revision}/restore",
                new { },
                _ct);
            Assert.Equal(HttpStatusCode.NotFound, restore);
        }
        Assert.Equal("kept\n", await ServerTextAsync(owner, pid, docId, _ct));
        Assert.Equal(1, session.Revision);

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await owner.Http.DeleteAsync($"/api/partnerships/{pid}/documents/{docId}", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetJsonAsync(History(pid, docId), _ct)).Status);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await owner.Http.PostJsonAsync($"{History(pid, docId)}/0/restore", new { }, _ct)).Status);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task ALongHistoryListsItsNewestVersionsWhole()
    {
        await using var factory = new WorkspaceFactory()
            .With("Documents:HistoryGap", "00:00:01")
            .With("Documents:HistoryOperations", "4");
        var owner = await factory.SignUpAsync("Dewi", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        await TypeThenPauseAsync(session, "a", "b", "c");
        await TypeThenPauseAsync(session, "d", "e");
        session.Insert(0, "f");
        await session.WaitSyncedAsync(_ct);

        var (_, history) = await owner.Http.GetJsonAsync(History(pid, docId), _ct);

        // Only revisions 3 to 6 were read: the version ending at 3 began before them, so it is left out rather than
        // shown cut.
        Assert.False(history.GetProperty("complete").GetBoolean());
        Assert.Equal(
            [6L, 5L],
            history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("revision").GetInt64()));
        var (_, oldest) = await owner.Http.GetJsonAsync($"{History(pid, docId)}/3", _ct);
        Assert.Equal("abc", oldest.GetProperty("text").GetString()); // still kept and readable
        await connection.DisposeAsync();
    }
}

/// <summary>A pause of a second starts a new version; a snapshot every 3 revisions, so reading a version goes through
/// snapshots.</summary>
public sealed class HistoryServer : WorkspaceFactory
{
    public HistoryServer() => With("Documents:HistoryGap", "00:00:01").With("Documents:SnapshotInterval", "3");
}
