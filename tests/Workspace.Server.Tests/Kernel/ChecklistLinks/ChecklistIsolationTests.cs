using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;
using Workspace.Server.Kernel.ChecklistLinks;

namespace Workspace.Server.Tests.Kernel.ChecklistLinks;

/// <summary>
/// A document's task lines and a partnership's action items write into each other only within one partnership: the
/// grains check who is calling, so not even an item that already (wrongly) points at another partnership's document
/// can rewrite it.
/// </summary>
/// <remarks>One server for the class: each test signs up its own people with their own partnerships.</remarks>
public sealed class ChecklistIsolationTests(ChecklistServer server) : IClassFixture<ChecklistServer>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly WorkspaceFactory _factory = server;

    [Fact]
    public async Task GrainsRefuseTaskLineChangesFromAnotherPartnership()
    {
        var (alice, a, docA, session) = await SecretTaskAsync();
        var bob = await _factory.SignUpAsync("Bob", ct: _ct);
        var b = await bob.CreatePartnershipAsync("Partnership B", _ct);
        var grains = _factory.Services.GetRequiredService<IGrainFactory>();
        var document = grains.GetGrain<IDocumentGrain>(docA);
        var actor = new Actor(bob.Id, "Bob", bob.Email);

        await document.MirrorChecklistLineAsync(
            b.Id,
            new ChecklistMirror(1, true, "PWNED by Bob", false, null, null, false, null, 50));
        // An unlinked line, which B tries to link to its item A77 before A's own scan links it.
        session.Insert(session.Text.Length, "- [ ] Third task\n");
        await SyncedAsync(session, _ct);
        await document.LinkChecklistLinesAsync(b.Id, [new ChecklistLink("Third task", 77)]);
        // Lines said to come from another document of A's (each its own, so one's new item cannot be taken for the
        // other's).
        var (injectedInto, controlFrom) = (await DocumentAsync(alice, a), await DocumentAsync(alice, a));
        await grains.GetGrain<IActionItemsGrain>(a)
            .SyncChecklistAsync(b.Id, injectedInto, Checklist.Parse("- [ ] Injected by Bob\n"), actor);
        // The controls, sent after: the same calls from Alice's own partnership are carried out.
        await document.MirrorChecklistLineAsync(
            a,
            new ChecklistMirror(2, null, "Renamed by Alice's board", false, null, null, false, null, 50));
        await grains.GetGrain<IActionItemsGrain>(a)
            .SyncChecklistAsync(a, controlFrom, Checklist.Parse("- [ ] Control line\n"), actor);

        await EventuallyAsync(
            () => session.Text.Contains("Renamed by Alice's board #A2", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "the control",
            _ct);
        await Eventually.TrueAsync(
            async () => (await ItemTitles(alice, a)).Contains("Control line"), _ct, 10_000, "the control item");
        await Task.Delay(300, _ct);
        Assert.StartsWith("- [ ] Secret task #A1\n", session.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("#A77", session.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Injected by Bob", await ItemTitles(alice, a));
    }

    [Fact]
    public async Task AnItemStoredWithAnotherPartnershipsDocumentCannotRewriteItsTaskLine()
    {
        var (alice, a, docA, session) = await SecretTaskAsync();
        var bob = await _factory.SignUpAsync("Bob", ct: _ct);
        var b = await bob.CreatePartnershipAsync("Partnership B", _ct);
        // As the review left it: an item of B linked to A's document (written before references were checked).
        var hijack = new ActionItem
        {
            Id = Guid.NewGuid(), PartnershipId = b.Id, Number = 1, Title = "Secret task", DocumentId = docA,
            Version = 1,
            CreatedByUserId = bob.Id, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        var dbs = _factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>();
        await using (var db = await dbs.CreateDbContextAsync(_ct))
        {
            db.Add(hijack);
            await db.SaveChangesAsync(_ct);
        }

        var (status, body) = await bob.Http.PutJsonAsync($"/api/partnerships/{b.Id}/action-items/{hijack.Id}",
            new { title = "PWNED by Bob", notes = "", status = "Done", documentId = docA, version = 1 }, _ct);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        await Task.Delay(300, _ct);
        // The control: Alice's own board still reaches her other line.
        var other = (await Items(alice, a)).Single(i => i.GetProperty("number").GetInt32() == 2);
        var (retitled, _) = await alice.Http.PutJsonAsync(
            $"/api/partnerships/{a}/action-items/{other.GetProperty("id").GetGuid()}",
            new {
                title = "Other task, retitled by Alice",
                notes = "",
                status = "Open",
                documentId = docA,
                version = other.GetProperty("version").GetInt32()
            },
            _ct);
        Assert.Equal(HttpStatusCode.OK, retitled);
        await EventuallyAsync(
            () => session.Text.Contains("Other task, retitled by Alice #A2", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "the control",
            _ct);
        await Task.Delay(300, _ct);

        Assert.StartsWith("- [ ] Secret task #A1\n", session.Text, StringComparison.Ordinal);
        var mine = (await Items(alice, a)).Single(i => i.GetProperty("number").GetInt32() == 1);
        Assert.Equal("Open", mine.GetProperty("status").GetString());
        Assert.Equal("Secret task", mine.GetProperty("title").GetString());
    }

    /// <summary>
    /// Alice's partnership with a document whose task lines are linked to her items A1 and A2, open in an editor.
    /// </summary>
    private async Task<(
        TestUser Alice,
        Guid Partnership,
        Guid Document,
        Workspace.Client.CoEditingSession Session)> SecretTaskAsync()
    {
        var alice = await _factory.SignUpAsync("Alice", ct: _ct);
        var (a, docA) = await CreateDocumentAsync(alice, _ct);
        var (_, session) = await OpenAsync(_factory, alice, docA, _ct);
        session.Insert(0, "- [ ] Secret task\n- [ ] Other task\n");
        await EventuallyAsync(
            () => session.Text == "- [ ] Secret task #A1\n- [ ] Other task #A2\n",
            TimeSpan.FromSeconds(10),
            "the lines linked",
            _ct);
        await Eventually.TrueAsync(
            async () => (await Items(alice, a)).Count(i => i.GetProperty("documentId").ValueKind != JsonValueKind.Null)
                >= 2,
            _ct,
            10_000,
            "A1 and A2 linked");
        return (alice, a, docA, session);
    }

    private async Task<Guid> DocumentAsync(TestUser user, Guid partnershipId)
    {
        var (status, created) = await user.Http.PostJsonAsync(
            $"/api/partnerships/{partnershipId}/documents",
            new { title = "Another plan" },
            _ct);
        Assert.Equal(HttpStatusCode.Created, status);
        return created.GetProperty("id").GetGuid();
    }

    private async Task<List<JsonElement>> Items(TestUser user, Guid partnershipId)
    {
        var (_, items) = await user.Http.GetJsonAsync($"/api/partnerships/{partnershipId}/action-items", _ct);
        return [.. items.EnumerateArray()];
    }

    private async Task<List<string>> ItemTitles(TestUser user, Guid partnershipId) =>
        [.. (await Items(user, partnershipId)).Select(i => i.GetProperty("title").GetString()!)];
}
