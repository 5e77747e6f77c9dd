using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Collaboration.Ot;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// Storage grows with the text, not with the text times the keystrokes: a 100 KB document with 10,000 small edits
/// (a tenth of the issue's 1 MB × 100,000 case) stays a small multiple of what its text and operations need, and every
/// revision still reads back exactly as replaying every operation from the empty text gives it, also after a restart.
/// </summary>
public sealed class SnapshotStorageTests
{
    private const int TextLength = 100_000;
    private const int Edits = 10_000;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManySmallEditsKeepTheDatabaseProportionalAndEveryRevisionReadable()
    {
        var dir = Path.Combine(Path.GetTempPath(), "workspace-tests", "snapshots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var (docId, typed, final) = await TypeAsync(dir);
            var head = typed.Count;
            long bytes;
            await using (var factory = Factory(dir))
            {
                // Restarted on the same file: the document opens from its newest (compressed) snapshot.
                var opened = (await Grain(factory, docId).OpenAsync(null)).Value!;
                Assert.Equal(head, opened.Revision);
                Assert.Equal(final, opened.Text);
                await CheckStoredAsync(factory, docId, typed);
                bytes = await DatabaseBytesAsync(dir);
            }
            // The operation log lives in its primary key's B-tree (no separate key index, ~55 bytes an edit).
            Assert.EndsWith("WITHOUT ROWID", await OperationTableSqlAsync(dir), StringComparison.Ordinal);
            var textBytes = Encoding.UTF8.GetByteCount(final);
            // Measured: ~3 MB for a 112 KB text and 10,002 operations (~250-300 bytes a row with their index);
            // the few snapshots left hold ~200 KB. Bound: 2 texts + 400 bytes per edit (4.2 MB). Before, the database
            // also held 50 full copies of the text: ~8.7 MB.
            Assert.True(bytes < 2 * textBytes + Edits * 400L,
                $"the database takes {bytes} bytes for a text of {textBytes} bytes and {Edits} edits");

            // Snapshots written before compression (plain text) still read, by activation and by version reads.
            Assert.Equal(1, await ReplaceWithPlainSnapshotAsync(dir, docId, head, final));
            await using (var factory = Factory(dir))
            {
                var opened = (await Grain(factory, docId).OpenAsync(null)).Value!;
                Assert.Equal(final, opened.Text);
                await using var db = await Db(factory);
                Assert.Equal(SnapshotCodec.Plain, await db.Set<DocumentSnapshot>()
                    .Where(s => s.DocumentId == docId && s.Revision == head).Select(s => s.Format).SingleAsync(_ct));
                Assert.Equal(final, await DocumentHistory.TextAtAsync(db, docId, head, _ct));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>
    /// Snapshots are few and compressed, and every sampled revision reads back (nearest snapshot plus operations) as
    /// replaying every stored operation from the empty text gives it, and as the test typed it.
    /// </summary>
    private async Task CheckStoredAsync(WorkspaceFactory factory, Guid docId, List<TextOperation> typed)
    {
        await using var db = await Db(factory);
        var snapshots = await db.Set<DocumentSnapshot>().AsNoTracking().Where(s => s.DocumentId == docId)
            .Select(s => new { s.Revision, s.Format, Bytes = s.Text.Length + (s.Data == null ? 0L : s.Data.Length) })
            .ToListAsync(_ct);
        var snapshotBytes = snapshots.Sum(s => s.Bytes);
        // Thinned to a geometric spread: the newest few plus about one per doubling of age.
        Assert.InRange(snapshots.Count, 2, SnapshotPolicy.NewestKept + 12);
        Assert.All(snapshots, s => Assert.Equal(SnapshotCodec.Brotli, s.Format));
        // All of them together take less room than three copies of the text (a snapshot every 200 revisions, as
        // before, stored 50 full copies).
        Assert.True(snapshotBytes < 3 * TextLength, $"{snapshots.Count} snapshots hold {snapshotBytes} bytes");

        var ops = await db.Set<DocumentOperation>().AsNoTracking().Where(o => o.DocumentId == docId)
            .OrderBy(o => o.Revision).Select(o => o.Operation).ToListAsync(_ct);
        Assert.Equal(typed.Count, ops.Count);
        var replay = new TextDocument("");
        var local = new TextDocument("");
        var sampled = Sample(typed.Count, snapshots.Select(s => s.Revision));
        for (var r = 0; r <= typed.Count; r++)
        {
            if (r > 0)
            {
                replay.Apply(TextOperation.Parse(ops[r - 1]));
                local.Apply(typed[r - 1]);
            }
            if (sampled.Contains(r))
            {
                var rebuilt = replay.ToString();
                Assert.Equal(local.ToString(), rebuilt);
                Assert.Equal(rebuilt, await DocumentHistory.TextAtAsync(db, docId, r, _ct));
            }
        }
    }

    [Fact]
    public void ThinningKeepsAGeometricSpreadAndNeverNeedsARemovedSnapshotAgain()
    {
        var stored = new List<long>();
        var removed = new HashSet<long>();
        for (long head = 500; head <= 200_000; head += 500)
        {
            stored.Add(head);
            var dropped = SnapshotPolicy.Thin(stored, head, long.MaxValue);
            Assert.DoesNotContain(head, dropped);
            Assert.All(dropped, r => Assert.True(removed.Add(r), $"{r} was removed twice"));
            stored.RemoveAll(dropped.Contains);
            // Between two kept snapshots (or revision 0 and the oldest), the gap is at most half the newer one's age
            // (plus one step): a version replays at most about half as many operations as it is old.
            for (var i = 0; i < stored.Count - SnapshotPolicy.NewestKept; i++)
            {
                var older = i == 0 ? 0 : stored[i - 1];
                Assert.True(stored[i] - older <= (head - stored[i]) / 2 + 500, $"gap below {stored[i]} at head {head}");
            }
        }
        // 400 snapshots taken; about log1.5(400) + the newest kept remain.
        Assert.InRange(stored.Count, SnapshotPolicy.NewestKept + 8, SnapshotPolicy.NewestKept + 16);
    }

    [Fact]
    public void ThinningKeepsNoGapWiderThanTheConfiguredCapAndNeverNeedsARemovedSnapshotAgain()
    {
        const int cap = 4_096;
        var policy = new SnapshotPolicy(new DocumentOptions { SnapshotKeepGap = cap });
        var removed = new HashSet<long>();
        for (long head = 500; head <= 200_000; head += 500)
        {
            var dropped = policy.Taken(head);
            Assert.All(dropped, r => Assert.True(removed.Add(r), $"{r} was removed twice"));
            var stored = policy.Revisions;
            Assert.Equal(head, stored[^1]);
            for (var i = 0; i < stored.Count; i++)
            {
                var older = i == 0 ? 0 : stored[i - 1];
                Assert.True(stored[i] - older <= cap, $"gap below {stored[i]} at head {head}");
            }
        }
        // 400 snapshots taken; about one per cap's worth of revisions remains, not all of them.
        Assert.InRange(policy.Revisions.Count, 200_000 / cap, 2 * 200_000 / cap);
    }

    private static IDocumentGrain Grain(WorkspaceFactory factory, Guid docId) =>
        factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IDocumentGrain>(docId);

    private Task<WorkspaceDb> Db(WorkspaceFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>().CreateDbContextAsync(_ct);

    private static WorkspaceFactory Factory(string dir) => new WorkspaceFactory()
        .With("Database:DataDirectory", dir)
        // Each keystroke still commits before the next; only the fsync is skipped, so the test runs in seconds.
        .With("Documents:SqliteSynchronousNormal", "true");

    /// <summary>Pastes 100 KB of prose, then makes 10,000 small edits; returns the operations and the text.</summary>
    private async Task<(Guid DocumentId, List<TextOperation> Typed, string Final)> TypeAsync(string dir)
    {
        await using var factory = Factory(dir);
        var owner = await factory.SignUpAsync("Rina", ct: _ct);
        var (_, docId) = await DocumentTestKit.CreateDocumentAsync(owner, _ct);
        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IDocumentGrain>(docId);
        var actor = new Actor(owner.Id, owner.Name, owner.Email);
        var random = new Random(14);
        string[] words = ["rice", "supply", "farmers", "warehouse", "district", "training", "budget", "partner"];
        var prose = new StringBuilder();
        while (prose.Length < TextLength)
        {
            prose.Append(words[random.Next(words.Length)]).Append(random.Next(12) == 0 ? ".\n" : " ");
        }
        var text = new StringBuilder();
        var typed = new List<TextOperation>();
        async Task SubmitAsync(TextOperation op, Action change)
        {
            var command = new SubmitCommand("typist", typed.Count + 1, typed.Count, op, actor, "");
            var result = (await grain.SubmitAsync(command)).Value!;
            typed.Add(op);
            Assert.Equal(typed.Count, result.Revision);
            change();
        }
        var whole = prose.ToString(0, TextLength);
        var (head, tail) = (whole[..(TextLength / 2)], whole[(TextLength / 2)..]);
        await SubmitAsync(TextOperation.Insert(0, head), () => text.Append(head));
        await SubmitAsync(TextOperation.Insert(TextLength / 2, tail), () => text.Append(tail));
        for (var i = 0; i < Edits; i++)
        {
            var at = random.Next(text.Length);
            if (random.Next(4) == 0)
            {
                await SubmitAsync(TextOperation.Delete(at, 1), () => text.Remove(at, 1));
            }
            else
            {
                var word = words[random.Next(words.Length)][..random.Next(1, 4)];
                await SubmitAsync(TextOperation.Insert(at, word), () => text.Insert(at, word));
            }
        }
        return (docId, typed, text.ToString());
    }

    /// <summary>The oldest revisions, every 97th, the newest, and each snapshot's revision and neighbours.</summary>
    private static HashSet<int> Sample(int head, IEnumerable<long> snapshots)
    {
        var sampled = new HashSet<int> { 0, 1, 2, 3, head - 1, head };
        for (var r = 0; r <= head; r += 97)
        {
            sampled.Add(r);
        }
        foreach (var s in snapshots)
        {
            sampled.UnionWith([(int)s - 1, (int)s, (int)s + 1]);
        }
        sampled.RemoveWhere(r => r < 0 || r > head);
        return sampled;
    }

    private static async Task<int> ReplaceWithPlainSnapshotAsync(string dir, Guid docId, long revision, string text)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dir, "workspace.db")};Pooling=false");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO DocumentSnapshots " +
            "(DocumentId, Revision, Text, Format, Data, At) " +
            "VALUES ($d, $r, $t, 0, NULL, '2026-01-01 00:00:00+00:00');";
        command.Parameters.AddWithValue("$d", docId.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$r", revision);
        command.Parameters.AddWithValue("$t", text);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> OperationTableSqlAsync(string dir)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dir, "workspace.db")};Pooling=false");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'DocumentOperations';";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The database's size once its WAL is copied in (what stays on disk).</summary>
    private static async Task<long> DatabaseBytesAsync(string dir)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dir, "workspace.db")};Pooling=false");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); " +
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size();";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }
}
