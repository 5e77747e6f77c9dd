using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Collaboration.Ot;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// Version reads take a snapshot's decoded text from the server's cache (<see cref="SnapshotTexts"/>): what they
/// return is what replaying the log from the empty text gives, at every revision, whether the text was cached or not;
/// a neighbouring version decodes no snapshot again; no document's read ever gets another's text, and a deleted
/// document's texts are let go. Thinning keeps no gap wider than <see cref="DocumentOptions.SnapshotKeepGap"/>.
/// </summary>
public sealed class SnapshotTextsTests : IAsyncLifetime
{
    private const int Edits = 240;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    // A snapshot about every 6 edits, thinned to gaps of at most 20 revisions: many snapshots, many thinned.
    private readonly WorkspaceFactory _factory = new WorkspaceFactory()
        .With("Documents:SnapshotChange", "200").With("Documents:SnapshotKeepGap", "20");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private SnapshotTexts Texts => _factory.Services.GetRequiredService<SnapshotTexts>();

    [Fact]
    public async Task EveryRevisionReadsAsAFreshReplayFromTheCacheAndWithoutIt()
    {
        var owner = await _factory.SignUpAsync("Rina", ct: _ct);
        var (_, docId) = await CreateDocumentAsync(owner, _ct);
        var expected = await TypeAsync(owner, docId, 'a');
        var snapshots = await SettledSnapshotsAsync(docId);
        Assert.True(snapshots.Count >= 8, $"{snapshots.Count} snapshots");

        await using var db = await DbAsync();
        // Oldest first (each snapshot decoded once, then its neighbours read it cached), then newest first (all
        // cached), then without the cache: the same texts every time.
        for (var r = 0; r <= Edits; r++)
        {
            Assert.Equal(expected[r], await DocumentHistory.TextAtAsync(db, docId, r, _ct, Texts));
        }
        var decoded = Texts.Decoded;
        Assert.True(decoded <= snapshots.Count, $"{decoded} decodes for {snapshots.Count} snapshots");
        for (var r = Edits; r >= 0; r--)
        {
            Assert.Equal(expected[r], await DocumentHistory.TextAtAsync(db, docId, r, _ct, Texts));
            Assert.Equal(expected[r], await DocumentHistory.TextAtAsync(db, docId, r, _ct));
        }
        Assert.Equal(decoded, Texts.Decoded);
    }

    [Fact]
    public async Task ANeighbouringVersionDecodesNoSnapshotAgain()
    {
        var owner = await _factory.SignUpAsync("Rina", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var expected = await TypeAsync(owner, docId, 'a');
        var snapshots = await SettledSnapshotsAsync(docId);
        // Below the newest snapshot (activation keeps that one), two revisions that start from the same snapshot.
        var from = snapshots[^3];
        var before = Texts.Decoded;
        Assert.Equal(expected[(int)from + 1], await VersionTextAsync(owner, pid, docId, from + 1));
        Assert.Equal(before + 1, Texts.Decoded);
        Assert.True(Texts.Holds(docId, from));
        Assert.Equal(expected[(int)from + 2], await VersionTextAsync(owner, pid, docId, from + 2));
        Assert.Equal(expected[(int)from], await VersionTextAsync(owner, pid, docId, from));
        Assert.Equal(before + 1, Texts.Decoded);
    }

    [Fact]
    public async Task NoDocumentGetsAnothersTextAndADeletedOnesTextsAreLetGo()
    {
        var owner = await _factory.SignUpAsync("Rina", ct: _ct);
        var (pidA, docA) = await CreateDocumentAsync(owner, _ct);
        var (pidB, docB) = await CreateDocumentAsync(owner, _ct, "Second plan");
        // The same edits at the same places with other letters: the same snapshot revisions, other texts.
        var expectedA = await TypeAsync(owner, docA, 'a');
        var expectedB = await TypeAsync(owner, docB, 'b');
        var snapshots = await SettledSnapshotsAsync(docA);
        Assert.Equal(snapshots, await SettledSnapshotsAsync(docB));
        for (var r = 0; r <= Edits; r += 7)
        {
            Assert.Equal(expectedA[r], await VersionTextAsync(owner, pidA, docA, r));
            Assert.Equal(expectedB[r], await VersionTextAsync(owner, pidB, docB, r));
        }
        Assert.Contains(snapshots, s => Texts.Holds(docA, s));

        var deleted = await owner.Http.DeleteAsync($"/api/partnerships/{pidA}/documents/{docA}", _ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(snapshots, s => Texts.Holds(docA, s));
        Assert.Contains(snapshots, s => Texts.Holds(docB, s));
        var (status, _) = await owner.Http.GetJsonAsync($"{History(pidA, docA)}/{snapshots[0]}", _ct);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(expectedB[Edits], await VersionTextAsync(owner, pidB, docB, Edits));
    }

    [Fact]
    public void ThinningKeepsNoGapWiderThanTheCapAndNeverNeedsARemovedSnapshotAgain()
    {
        const long Step = 500;
        const long Cap = 4_096;
        var stored = new List<long>();
        var removed = new HashSet<long>();
        for (var head = Step; head <= 200_000; head += Step)
        {
            stored.Add(head);
            var dropped = SnapshotPolicy.Thin(stored, head, Cap);
            Assert.DoesNotContain(head, dropped);
            Assert.All(dropped, r => Assert.True(removed.Add(r), $"{r} was removed twice"));
            stored.RemoveAll(dropped.Contains);
            // From revision 0 up, no two kept snapshots lie further apart than the cap: no version replays more.
            for (var i = 0; i < stored.Count; i++)
            {
                var older = i == 0 ? 0 : stored[i - 1];
                Assert.True(stored[i] - older <= Cap, $"gap below {stored[i]} at head {head}");
            }
        }
        // About one per cap's worth of revisions (200,000 / 4,096 ≈ 49), not one per snapshot taken (400).
        Assert.InRange(stored.Count, 200_000 / Cap, 2 * 200_000 / Cap);
    }

    private static string History(Guid pid, Guid docId) => $"/api/partnerships/{pid}/documents/{docId}/history";

    private async Task<string> VersionTextAsync(TestUser owner, Guid pid, Guid docId, long revision)
    {
        var (status, version) = await owner.Http.GetJsonAsync($"{History(pid, docId)}/{revision}", _ct);
        Assert.Equal(HttpStatusCode.OK, status);
        return version.GetProperty("text").GetString()!;
    }

    /// <summary>
    /// Pastes a line, then inserts <paramref name="letter"/> at places given by a fixed seed and deletes now and then;
    /// returns the text at every revision (index = revision), replayed here.
    /// </summary>
    private async Task<List<string>> TypeAsync(TestUser owner, Guid docId, char letter)
    {
        var grain = _factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IDocumentGrain>(docId);
        var actor = new Actor(owner.Id, owner.Name, owner.Email);
        var random = new Random(9);
        var text = new TextDocument("");
        var texts = new List<string> { "" };
        for (var i = 0; i < Edits; i++)
        {
            var op = i == 0 ? TextOperation.Insert(0, new string(letter, 300))
                : random.Next(5) == 0 ? TextOperation.Delete(random.Next(text.Length), 1)
                : TextOperation.Insert(random.Next(text.Length + 1), $"{letter}{i % 10}");
            var result = (await grain.SubmitAsync(new SubmitCommand("typist", i + 1, i, op, actor, ""))).Value!;
            Assert.Equal(i + 1, result.Revision);
            text.Apply(op);
            texts.Add(text.ToString());
        }
        return texts;
    }

    /// <summary>
    /// The document's snapshot revisions once they stop changing (they are compressed and stored, and old ones
    /// removed, behind the edits).
    /// </summary>
    private async Task<List<long>> SettledSnapshotsAsync(Guid docId)
    {
        List<long> last = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var db = await DbAsync();
            var now = await db.Set<DocumentSnapshot>().Where(s => s.DocumentId == docId)
                .Select(s => s.Revision).OrderBy(r => r).ToListAsync(_ct);
            if (attempt > 0 && now.SequenceEqual(last))
            {
                return now;
            }
            last = now;
            await Task.Delay(200, _ct);
        }
        return last;
    }

    private Task<WorkspaceDb> DbAsync() =>
        _factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>().CreateDbContextAsync(_ct);
}
