using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Kernel.ChecklistLinks.ChecklistTestKit;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Kernel.ChecklistLinks;

/// <summary>
/// Task lines the server cannot read (a date that does not exist, a title too long for an item, a handle that names
/// no member) change no action item, where before they made items with the date dropped or kept an owner silently;
/// the editor marks the same lines (wwwroot/test/tasks.test.mjs, TaskLineMarksTests).
/// </summary>
/// <remarks>One server for the class: each test signs up its own person with their own partnership and document.
/// </remarks>
public sealed class ChecklistProblemTests(ChecklistServer server) : IClassFixture<ChecklistServer>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly WorkspaceFactory _factory = server;

    [Fact]
    public async Task UnreadableTaskLinesMakeNoItemAndADoubledMarkerIsNotInTheTitle()
    {
        var (owner, pid, docId, connection, session) = await OpenNewDocumentAsync(_factory, "Rina Wijaya", _ct);

        session.Insert(0, "- [ ] Pay the deposit due:2026-02-30\n"
            + $"- [ ] {new string('x', 301)}\n"
            + "- [ ] Call the mill @ayu\n"
            + "- [ ] - [ ] Pay the mill @rina due:2026-12-01\n"
            + "- [ ] Book the hall due:2026-12-02\n");

        await EventuallyAsync(
            () => session.Text.Contains("#A2", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "two lines linked",
            _ct);
        await Task.Delay(600, _ct);
        var items = await ItemsAsync(owner, pid, _ct);
        Assert.Equal(["Book the hall", "Pay the mill"], items.Select(i => i.GetProperty("title").GetString()).Order());
        var mill = items.Single(i => i.GetProperty("title").GetString() == "Pay the mill");
        Assert.Equal(owner.Id, mill.GetProperty("ownerUserId").GetString());
        Assert.Equal("2026-12-01", mill.GetProperty("dueDate").GetString());
        var lines = session.Text.Split('\n');
        Assert.All(lines[..3], l => Assert.DoesNotContain("#A", l, StringComparison.Ordinal));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task LinkedLineWithAnInvalidDateOrUnknownHandleChangesNothingUntilFixed()
    {
        var (owner, pid, docId, connection, session) = await OpenNewDocumentAsync(_factory, "Rina Wijaya", _ct);
        session.Insert(0, "- [ ] Book the hall @rina due:2026-12-02\n");
        await LinkedAsync(session, _ct);
        await Task.Delay(400, _ct);
        var before = Assert.Single(await ItemsAsync(owner, pid, _ct));

        Replace(session, "due:2026-12-02", "due:2026-02-31");
        await Task.Delay(600, _ct);
        Replace(session, "@rina", "@ayu");
        await Task.Delay(600, _ct);
        var unchanged = Assert.Single(await ItemsAsync(owner, pid, _ct));
        Assert.Equal(before.GetProperty("version").GetInt32(), unchanged.GetProperty("version").GetInt32());
        Assert.Equal("2026-12-02", unchanged.GetProperty("dueDate").GetString());
        Assert.Equal(owner.Id, unchanged.GetProperty("ownerUserId").GetString());

        Replace(session, "@ayu", "@rina");
        Replace(session, "due:2026-02-31", "due:2027-01-05");
        await Eventually.TrueAsync(
            async () => (await ItemsAsync(owner, pid, _ct))[0].GetProperty("dueDate").GetString() == "2027-01-05",
            _ct,
            10_000,
            "the fixed line re-dating its item");
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task BoardChangeRewritesALineWithAnInvalidDateWithTheItemsOwnDate()
    {
        var (owner, pid, docId, connection, session) = await OpenNewDocumentAsync(_factory, "Rina Wijaya", _ct);
        session.Insert(0, "- [ ] Book the hall due:2026-12-02\n");
        await LinkedAsync(session, _ct);
        Replace(session, "due:2026-12-02", "due:2026-02-31");
        await Task.Delay(600, _ct);
        var item = Assert.Single(await ItemsAsync(owner, pid, _ct));

        var (status, _) = await owner.Http.PutJsonAsync(
            $"/api/partnerships/{pid}/action-items/{item.GetProperty("id").GetGuid()}",
            new
            {
                title = "Book the village hall", dueDate = "2026-12-02", status = "Open", documentId = docId,
                version = item.GetProperty("version").GetInt32(),
            },
            _ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        await EventuallyAsync(
            () => session.Text == "- [ ] Book the village hall due:2026-12-02 #A1\n",
            TimeSpan.FromSeconds(10),
            "the line rewritten",
            _ct);
        await Task.Delay(600, _ct);
        Assert.Equal("2026-12-02", Assert.Single(await ItemsAsync(owner, pid, _ct)).GetProperty("dueDate").GetString());
        await connection.DisposeAsync();
    }
}
