using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Kernel.ChecklistLinks.ChecklistTestKit;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Kernel.ChecklistLinks;

/// <summary>Task lines in documents and action items, kept in step both ways through normal OT edits. One server for
/// the class (each test signs up its own person with their own partnership and document); the tests that need other
/// settings or services start their own.</summary>
public sealed class ChecklistSyncTests(ChecklistServer server) : IClassFixture<ChecklistServer>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly WorkspaceFactory _factory = server;

    [Fact]
    public async Task TaskLineBecomesALinkedActionItemWithOwnerAndDueDate()
    {
        var (owner, pid, docId, connection, session) = await OpenNewDocumentAsync(_factory, "Rina Wijaya", _ct);

        session.Insert(0, "# Plan\n\n- [ ] Send draft MoU @rina due:2026-12-15\n- just a bullet\n");

        var item = await EventuallyItemAsync(
            owner, pid, i => i.GetProperty("title").GetString() == "Send draft MoU",
            "an item for the task line",
            _ct);
        Assert.Equal(owner.Id, item.GetProperty("ownerUserId").GetString());
        Assert.Equal("2026-12-15", item.GetProperty("dueDate").GetString());
        Assert.Equal(docId, item.GetProperty("documentId").GetGuid());
        Assert.Equal("Open", item.GetProperty("status").GetString());
        var number = item.GetProperty("number").GetInt32();
        // The link is written into the line by a server edit that every co-editor receives.
        await EventuallyAsync(
            () => session.Text.Contains($"due:2026-12-15 #A{number}\n", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "the link in the editor",
            _ct);
        Assert.Equal(session.Text, await ServerTextAsync(owner, pid, docId, _ct));
        await Task.Delay(400, _ct);
        Assert.Single(await ItemsAsync(owner, pid, _ct));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task TickingEitherPlaceUpdatesTheOther()
    {
        var (owner, pid, docId, connection, session) = await OpenNewDocumentAsync(_factory, "Budi", _ct);
        session.Insert(0, "- [ ] Book the venue\n- [ ] Print the agenda\n");
        var venue = await EventuallyItemAsync(
            owner, pid, i => i.GetProperty("title").GetString() == "Book the venue",
            "venue item",
            _ct);
        await EventuallyAsync(
            () => session.Text.Contains("#A2", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "both lines linked",
            _ct);

        // Board → document: moving the item to Done ticks its line.
        var (moved, _) = await owner.Http.PostJsonAsync(
            $"/api/partnerships/{pid}/action-items/{venue.GetProperty("id").GetGuid()}/move",
            new { status = "Done", version = venue.GetProperty("version").GetInt32() }, _ct);
        Assert.Equal(HttpStatusCode.OK, moved);
        await EventuallyAsync(
            () => session.Text.StartsWith("- [x] Book the venue", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "the line ticked",
            _ct);

        // Document → board: ticking the other line in the editor marks its item done.
        var second = session.Text.IndexOf("- [ ] Print", StringComparison.Ordinal);
        session.Delete(second + 3, 1);
        session.Insert(second + 3, "x");
        await EventuallyItemAsync(
            owner, pid, i => i.GetProperty("title").GetString() == "Print the agenda"
                && i.GetProperty("status").GetString() == "Done",
            "agenda item done",
            _ct);

        // Unticking reopens it.
        session.Delete(second + 3, 1);
        session.Insert(second + 3, " ");
        await EventuallyItemAsync(
            owner, pid, i => i.GetProperty("title").GetString() == "Print the agenda"
                && i.GetProperty("status").GetString() == "Open",
            "agenda item reopened",
            _ct);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task BoardTickAndConcurrentEditOfTheSameLineBothSurvive()
    {
        var (owner, pid, docId, connectionA, a, connectionB, b, item) = await TwoEditorsOfALinkedLineAsync(
            _factory, "Citra", "- [ ] Sign the MoU\n", "Sign the MoU", "#A1", _ct);

        // B edits the title of that very line while the board marks the item done.
        var moveTask = owner.Http.PostJsonAsync(
            $"/api/partnerships/{pid}/action-items/{item.GetProperty("id").GetGuid()}/move",
            new { status = "Done", version = item.GetProperty("version").GetInt32() + 0 }, _ct);
        b.Insert("- [ ] Sign the".Length, " joint");
        var (status, after) = await moveTask;
        if (status == HttpStatusCode.Conflict)
        {
            // The link edit bumped nothing on the item, so a conflict would be a bug.
            Assert.Fail($"unexpected conflict: {after}");
        }

        await EventuallyAsync(
            () => a.Text == b.Text && a.Text.StartsWith("- [x] Sign the joint MoU #A1", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "both changes in both editors",
            _ct);
        await b.WaitSyncedAsync(_ct);
        Assert.Equal(a.Text, await ServerTextAsync(owner, pid, docId, _ct));
        await connectionA.DisposeAsync();
        await connectionB.DisposeAsync();
    }
    [Fact]
    public async Task EditingALinkedLineRenamesRedatesAndReassignsItsItem()
    {
        var (owner, pid, docId, connection, session) = await OpenNewDocumentAsync(_factory, "Rina Wijaya", _ct);
        session.Insert(0, "- [ ] Draft MoU @rina due:2026-12-15\n");
        await LinkedAsync(session, _ct);

        // The title gains a word, the date moves, the handle goes.
        session.Edit(text => Workspace.Collaboration.Ot.TextOperation.Create(
        [
            Workspace.Collaboration.Ot.OpComponent.Retain("- [ ] ".Length),
            Workspace.Collaboration.Ot.OpComponent.Delete(text.IndexOf(
                '\n',
                StringComparison.Ordinal) - "- [ ] ".Length),
            Workspace.Collaboration.Ot.OpComponent.Insert("Draft the joint MoU due:2027-01-10 #A1"),
        ]));

        var item = await EventuallyItemAsync(
            owner, pid, i => i.GetProperty("title").GetString() == "Draft the joint MoU",
            "the item renamed",
            _ct);
        Assert.Equal("2027-01-10", item.GetProperty("dueDate").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("ownerUserId").ValueKind);
        Assert.Single(await ItemsAsync(owner, pid, _ct));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task ChangingAnItemOnTheBoardRewritesItsLineForEveryCoEditor()
    {
        var (owner, pid, docId, connectionA, a, connectionB, b, item) = await TwoEditorsOfALinkedLineAsync(
            _factory, "Budi Santoso", "Intro\n  - [ ] Book venue\nOutro\n", "Book venue", "Book venue #A1", _ct);

        var (status, _) = await owner.Http.PutJsonAsync(
            $"/api/partnerships/{pid}/action-items/{item.GetProperty("id").GetGuid()}",
            new
            {
                title = "Book the village hall",
                ownerUserId = owner.Id,
                dueDate = "2027-02-01",
                status = "Done",
                documentId = docId,
                version = item.GetProperty("version").GetInt32(),
            },
            _ct);
        Assert.Equal(HttpStatusCode.OK, status);

        var expected = "Intro\n  - [x] Book the village hall @BudiSantoso due:2027-02-01 #A1\nOutro\n";
        await EventuallyAsync(
            () => a.Text == expected && b.Text == expected,
            TimeSpan.FromSeconds(10),
            "the line rewritten in both editors",
            _ct);
        Assert.Equal(expected, await ServerTextAsync(owner, pid, docId, _ct));
        // The rewritten line reads back as the same item: nothing changes again, nothing new is made.
        await Task.Delay(500, _ct);
        var items = await ItemsAsync(owner, pid, _ct);
        var only = Assert.Single(items);
        Assert.Equal("Book the village hall", only.GetProperty("title").GetString());
        Assert.Equal(owner.Id, only.GetProperty("ownerUserId").GetString());
        Assert.Equal(item.GetProperty("version").GetInt32() + 1, only.GetProperty("version").GetInt32());
        await connectionA.DisposeAsync();
        await connectionB.DisposeAsync();
    }

    [Fact]
    public async Task ALineRetitledBeforeItsLinkArrivesKeepsOneItem()
    {
        var owner = await _factory.SignUpAsync("Citra", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var grains = _factory.Services.GetRequiredService<Orleans.IGrainFactory>();
        var items = grains.GetGrain<Workspace.Server.Features.ActionItems.IActionItemsGrain>(pid);
        var actor = new Workspace.Server.Kernel.Actor(owner.Id, "Citra", owner.Email);
        // Two scans of the same document (one-way messages, so the first is seen handled before the second is sent):
        // the second sees the line retitled and still without its #A link.
        await items.SyncChecklistAsync(
            pid,
            docId,
            Workspace.Server.Kernel.ChecklistLinks.Checklist.Parse("- [ ] Call the lab\n"),
            actor);
        await EventuallyItemAsync(
            owner, pid, i => i.GetProperty("title").GetString() == "Call the lab",
            "the item made",
            _ct);
        await items.SyncChecklistAsync(
            pid,
            docId,
            Workspace.Server.Kernel.ChecklistLinks.Checklist.Parse("- [ ] Call the water lab\n"),
            actor);

        // Both scans are one-way messages: wait for the second to be handled.
        await EventuallyItemAsync(
            owner, pid, i => i.GetProperty("title").GetString() == "Call the water lab",
            "the item retitled",
            _ct);
        var only = Assert.Single(await ItemsAsync(owner, pid, _ct));
        Assert.Equal(1, only.GetProperty("number").GetInt32());
    }
    [Fact]
    public async Task TwoTaskLinesWithTheSameTitleBecomeTwoItems()
    {
        var (owner, pid, docId, connection, session) = await OpenNewDocumentAsync(_factory, "Dewi", _ct);
        session.Insert(0, "## Village A\n- [ ] Test the well\n## Village B\n- [ ] Test the well\n");

        await EventuallyAsync(() => session.Text.Contains(
            "#A1",
            StringComparison.Ordinal) && session.Text.Contains("#A2", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "both lines linked", _ct);
        Assert.Equal("## Village A\n- [ ] Test the well #A1\n## Village B\n- [ ] Test the well #A2\n", session.Text);
        await Task.Delay(400, _ct);
        Assert.Equal(
            2,
            (await ItemsAsync(owner, pid, _ct)).Count(i => i.GetProperty("title").GetString() == "Test the well"));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task AScanTakenBeforeABoardChangeReachedTheLineDoesNotUndoIt()
    {
        // The document scans a second after the last change, so the stale scan below, sent the moment the board's
        // change is stored, really is older than the document's next scan (as a real stale scan always is).
        await using var factory = new WorkspaceFactory().With("Documents:ChecklistDelay", "00:00:01");
        var (owner, pid, docId, connection, session) = await OpenNewDocumentAsync(factory, "Eka", _ct);
        session.Insert(0, "- [ ] Book venue\n");
        await EventuallyAsync(
            () => session.Text == "- [ ] Book venue #A1\n",
            TimeSpan.FromSeconds(10),
            "the line linked",
            _ct);
        await Task.Delay(1500, _ct); // the scan of the linked line has been handled
        var item = Assert.Single(await ItemsAsync(owner, pid, _ct));

        var (status, _) = await owner.Http.PutJsonAsync(
            $"/api/partnerships/{pid}/action-items/{item.GetProperty("id").GetGuid()}",
            new
            {
                title = "Book the village hall",
                status = "Done",
                documentId = docId,
                version = item.GetProperty("version").GetInt32(),
            },
            _ct);
        Assert.Equal(HttpStatusCode.OK, status);
        // What the document would have sent had it scanned the line a moment before the change reached it.
        var stale = Workspace.Server.Kernel.ChecklistLinks.Checklist.Parse("- [ ] Book venue #A1\n")
            .Select(l => l with { Edited = true })
            .ToList();
        var actor = new Workspace.Server.Kernel.Actor(owner.Id, "Eka", owner.Email);
        await factory.Services.GetRequiredService<Orleans.IGrainFactory>()
            .GetGrain<Workspace.Server.Features.ActionItems.IActionItemsGrain>(pid)
            .SyncChecklistAsync(pid, docId, stale, actor);

        await EventuallyAsync(
            () => session.Text == "- [x] Book the village hall #A1\n",
            TimeSpan.FromSeconds(10),
            "the line rewritten",
            _ct);
        await Task.Delay(1500, _ct); // the scan after the change has been handled too
        var only = Assert.Single(await ItemsAsync(owner, pid, _ct));
        Assert.Equal("Book the village hall", only.GetProperty("title").GetString());
        Assert.Equal("Done", only.GetProperty("status").GetString());
        // Changed once, by the board: the stale line neither reverted it nor made it flip back and forth.
        Assert.Equal(item.GetProperty("version").GetInt32() + 1, only.GetProperty("version").GetInt32());
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task AnEditOfALineMadeWhileABoardChangeWasOnItsWayStillReachesTheItem()
    {
        // Board changes reach documents two seconds late, as if the document lived on a slow, distant node.
        var slow = new SlowMirrors(TimeSpan.FromSeconds(2));
        await using var factory = ChecklistFactory()
            .WithServices(services => services.AddSingleton<Orleans.IOutgoingGrainCallFilter>(slow));
        var (owner, pid, docId, connection, session) = await OpenNewDocumentAsync(factory, "Fajar", _ct);
        session.Insert(0, "- [ ] Book venue\n");
        await EventuallyAsync(
            () => session.Text == "- [ ] Book venue #A1\n",
            TimeSpan.FromSeconds(10),
            "the line linked",
            _ct);
        await Task.Delay(500, _ct);
        var item = Assert.Single(await ItemsAsync(owner, pid, _ct));

        // The board sets a due date; while that change is on its way, someone retitles the line and types the same
        // date.
        var board = owner.Http.PutJsonAsync(
            $"/api/partnerships/{pid}/action-items/{item.GetProperty("id").GetGuid()}",
            new
            {
                title = "Book venue",
                dueDate = "2027-01-05",
                status = "Open",
                documentId = docId,
                version = item.GetProperty("version").GetInt32(),
            },
            _ct);
        await slow.Holding.WaitAsync(TimeSpan.FromSeconds(30), _ct); // the board's change is stored and on its way
        session.Edit(text => Workspace.Collaboration.Ot.TextOperation.Create(
        [
            Workspace.Collaboration.Ot.OpComponent.Retain("- [ ] ".Length),
            Workspace.Collaboration.Ot.OpComponent.Delete("Book venue".Length),
            Workspace.Collaboration.Ot.OpComponent.Insert("Book the hall due:2027-01-05"),
        ]));
        Assert.Equal(HttpStatusCode.OK, (await board).Status);

        // The line's scan taken before the board's change arrived was set aside as stale; the line still speaks once it
        // has.
        var retitled = await EventuallyItemAsync(
            owner, pid, i => i.GetProperty("title").GetString() == "Book the hall",
            "the item retitled",
            _ct);
        Assert.Equal("2027-01-05", retitled.GetProperty("dueDate").GetString());
        Assert.Equal("- [ ] Book the hall due:2027-01-05 #A1\n", session.Text);
        await connection.DisposeAsync();
    }

    /// <summary>Holds every board change on its way to a document for <paramref name="delay"/>.</summary>
    private sealed class SlowMirrors(TimeSpan delay) : Orleans.IOutgoingGrainCallFilter
    {
        private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the first board change is being held.</summary>
        public Task Holding => _holding.Task;

        public async Task Invoke(Orleans.IOutgoingGrainCallContext context)
        {
            if (context.MethodName == nameof(
                Workspace.Server.Features.Documents.IDocumentGrain.MirrorChecklistLineAsync))
            {
                _holding.TrySetResult();
                await Task.Delay(delay);
            }
            await context.Invoke();
        }
    }
}
