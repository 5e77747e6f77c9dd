using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Workspace.Client;
using Workspace.Collaboration.Ot;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// The database refuses exactly one revision (a trigger on the real SQLite file) while three editors keep typing, so
/// the grain has later revisions applied and queued behind the failing one. None of them may be stored before it.
/// </summary>
public sealed partial class FailedWriteLeavesNoHoleTests
{
    private const int FailingRevision = 5;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoLaterRevisionIsStoredOnceOneFailedAndEveryEditLandsOnce()
    {
        await using var factory = new WorkspaceFactory();
        var owner = await factory.SignUpAsync("Typist", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var sessions = new List<CoEditingSession>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add((await OpenAsync(factory, owner, docId, _ct)).Session);
        }
        await using var db = new SqliteConnection(
            $"Data Source={Path.Combine(factory.DataDirectory, "workspace.db")};Pooling=false");
        await db.OpenAsync(_ct);
        // Slow as well as failing: the revisions after it are applied and queued while it fails, so they reach the
        // writer in a later batch than the failing one — the case a per-batch guard does not catch.
        await ExecuteAsync(db,
            "CREATE TABLE SlowDown (X INTEGER);\n"
            + "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2500) "
            + "INSERT INTO SlowDown SELECT x FROM n;\n"
            + "CREATE TRIGGER FailOneRevision BEFORE INSERT ON DocumentOperations WHEN NEW.Revision = 5\n"
            + "BEGIN SELECT RAISE(ABORT, 'injected failure') FROM (SELECT COUNT(*) AS c FROM SlowDown a, SlowDown b) "
            + "WHERE c > 0; END;");

        var typed = new List<string>();
        using var stop = new CancellationTokenSource();
        var typing = sessions.Select((s, i) => Task.Run(() => TypeAsync(s, i, typed, stop.Token))).ToArray();
        // Progress is awaited, not assumed from a fixed pause: on a busy machine the first revisions can take seconds.
        await StoredAsync(db, FailingRevision - 1);
        await Task.Delay(2500, _ct); // the typists go on; a missing guard stores 6, 7… in this time
        var (count, max) = await RevisionsAsync(db);
        Assert.True(
            max == FailingRevision - 1,
            $"while revision {FailingRevision} cannot be stored, revisions up to {max} were ({count} rows)");

        await ExecuteAsync(db, "DROP TRIGGER FailOneRevision;");
        // The typists back off while saves fail (up to 5 s between tries), so they keep typing until their retries
        // got through and revisions well past the failed one are stored, however long the back-off happens to be.
        await StoredAsync(db, FailingRevision + 11);
        await stop.CancelAsync();
        await Task.WhenAll(typing);
        foreach (var session in sessions)
        {
            await session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(30), _ct);
        }

        (count, max) = await RevisionsAsync(db);
        Assert.Equal(max, count); // revisions 1..max, no hole
        var text = await ServerTextAsync(owner, pid, docId, _ct);
        var stored = Token().Matches(text).Select(m => m.Value).ToList();
        Assert.True(max > FailingRevision + 10, $"only {max} revisions were stored");
        Assert.Equal(typed.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal)); // each exactly once
    }

    private static async Task TypeAsync(CoEditingSession session, int who, List<string> typed, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var token = $"[t{who}-{n}]";
            // between tokens, never inside one
            session.Edit(text => TextOperation.Insert(text.LastIndexOf(']') + 1, token));
            lock (typed)
            {
                typed.Add(token);
            }
            await Task.Delay(15, CancellationToken.None);
        }
    }

    /// <summary>Waits (30 s at most) until revision <paramref name="revision"/> or a later one is stored.</summary>
    private Task StoredAsync(SqliteConnection db, long revision) =>
        Eventually.TrueAsync(
            async () => (await RevisionsAsync(db)).Max >= revision, _ct, 30_000, $"revision {revision} stored");

    private async Task<(long Count, long Max)> RevisionsAsync(SqliteConnection db)
    {
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*), IFNULL(MAX(Revision), 0) FROM DocumentOperations;";
        await using var reader = await command.ExecuteReaderAsync(_ct);
        await reader.ReadAsync(_ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task ExecuteAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(_ct);
    }

    [GeneratedRegex(@"\[t\d+-\d+\]")]
    private static partial Regex Token();
}
